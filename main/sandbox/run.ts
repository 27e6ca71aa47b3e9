/**
 * The standalone sandbox as a program body, shared by `npm run sandbox` and `faceid-console
 * sandbox`: parses the arguments, starts the server, prints its banner and serves until SIGINT or
 * SIGTERM. Resolves to an exit code when it will not serve (help, bad arguments), else undefined.
 */
import { SANDBOX_SCENES } from './defaults';
import { SANDBOX_USAGE, parseSandboxArgs, sandboxBanner } from './cli-options';
import { createSandbox } from './server';
import { trustLine } from './trust-log';
import { createPhotoAnalyser } from '../precheck/analyser';
import { faceCheckOf } from '../precheck/face-check';

/** Runs the sandbox with these arguments; `usage` replaces the help's first line's command. */
export async function runSandboxProgram(argv: readonly string[], command = 'npm run sandbox --'): Promise<number | undefined> {
  const usage = SANDBOX_USAGE.replace('npm run sandbox --', command);
  const parsed = parseSandboxArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n\n${usage}`);
    return 2;
  }
  for (const w of parsed.warnings) process.stderr.write(`${w}\n`);
  const { detectFaces, ...options } = parsed.options;
  const sandbox = await createSandbox({
    ...options,
    scenes: SANDBOX_SCENES,
    faceCheck: detectFaces ? faceCheckOf(createPhotoAnalyser()) : undefined,
  });
  // What the sandbox took on trust goes to stderr, apart from the answers a script may parse.
  sandbox.onTrusted((e) => process.stderr.write(`${trustLine(e)}\n`));
  process.stdout.write(sandboxBanner({ ...sandbox, scenes: SANDBOX_SCENES }));
  const stop = (signal: NodeJS.Signals) => {
    process.stdout.write(`\n${signal}: stopping the sandbox.\n`);
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return undefined;
}
