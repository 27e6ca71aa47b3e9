/**
 * `npm run sandbox -- --port 5000 --api-key K --api-secret S [--host 127.0.0.1] [--lenient]`: the FaceID
 * sandbox on its own, for client developers. A program entry only (electron-vite bundles it as
 * out/main/sandbox.js): the program body is run.ts, everything reusable lives in cli-options.ts,
 * defaults.ts, server.ts.
 */
import { runSandboxProgram } from './run';

runSandboxProgram(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`The sandbox could not start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
