/**
 * `npm run web -- --port N`: the browser shell as a program. Serves the built renderer and the
 * handlers on 127.0.0.1 and prints the URL (with its per-launch token) to open.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startConsoleApp } from '../app/console-app';
import { resolveDataDir } from '../app/data-dir';
import { startWebShell } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: npm run web -- [--port N] [--data-dir DIR]\nServes FaceID Console on http://127.0.0.1:N (random port by default).\n');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a whole number from 0 to 65535, not "${values.port}".\n`);
    process.exit(2);
  }
  const dataDir = values['data-dir'] ?? resolveDataDir();
  const app = await startConsoleApp({ dataDir, log: (line) => process.stderr.write(`${line}\n`) });
  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  const shell = await startWebShell({ handlers: app.handlers, rendererDir, port });
  process.stdout.write(`FaceID Console (browser shell) is ready: ${shell.url}\n`);
  process.stdout.write(`Data folder: ${dataDir}\nEmbedded sandbox: ${app.sandbox.baseUrl}\nPress Ctrl+C to stop.\n`);
  const stop = () => {
    void shell.close().then(() => app.close()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`FaceID Console could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
