// Small helpers shared by the project's scripts.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Path of a package's CLI entry (so scripts run without relying on PATH or npx). */
export function binOf(pkg, name = pkg) {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin } = require(manifest);
  const rel = typeof bin === 'string' ? bin : bin[name];
  return join(dirname(manifest), rel);
}

/** Runs `node <pkg bin> ...args` synchronously with inherited output; returns the exit code. */
export function runBin(pkg, args, options = {}) {
  const r = spawnSync(process.execPath, [binOf(pkg, options.bin ?? pkg), ...args], { stdio: 'inherit', ...options });
  return r.status ?? 1;
}

/** Builds main, preload and renderer into out/. Exits the process on failure. */
export function build() {
  console.log('Building FaceID Console…');
  const code = runBin('electron-vite', ['build', '--logLevel', 'warn']);
  if (code !== 0) {
    console.error('The build failed; see above.');
    process.exit(code);
  }
}

/** Starts a long-running child that shares our stdio and forwards Ctrl+C / SIGTERM. */
export function runForeground(cmd, args, options = {}) {
  const child = spawn(cmd, args, { stdio: 'inherit', ...options });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  return child;
}
