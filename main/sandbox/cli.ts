/**
 * `npm run sandbox -- --port 5000 --api-key K --api-secret S [--host 127.0.0.1] [--lenient]`: the FaceID
 * sandbox on its own, for client developers. Prints its base URL, its credentials and a curl
 * example, then serves until SIGINT or SIGTERM. A program entry only (electron-vite bundles it
 * as out/main/sandbox.js): everything reusable lives in cli-options.ts, defaults.ts, server.ts.
 */
import { SANDBOX_SCENES } from './defaults';
import { SANDBOX_USAGE, parseSandboxArgs, sandboxBanner } from './cli-options';
import { createSandbox } from './server';
import { createPhotoAnalyser } from '../precheck/analyser';
import { faceCheckOf } from '../precheck/face-check';
import { trustLine } from './trust-log';

async function main(): Promise<number | undefined> {
  const parsed = parseSandboxArgs(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(SANDBOX_USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n\n${SANDBOX_USAGE}`);
    return 2;
  }
  for (const w of parsed.warnings) process.stderr.write(`${w}\n`);
  const { detectFaces, ...options } = parsed.options;
  const sandbox = await createSandbox({ ...options, scenes: SANDBOX_SCENES, faceCheck: detectFaces ? faceCheckOf(createPhotoAnalyser()) : undefined });
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

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`The sandbox could not start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
