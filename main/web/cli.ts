/**
 * `npm run web -- --port N`: the browser shell as a program. Serves the built renderer and the
 * handlers on 127.0.0.1 and prints the URL to open (its per-launch token in the fragment, which
 * the browser keeps to itself).
 */
import { fileURLToPath } from 'node:url';
import { startConsoleApp } from '../app/console-app';
import { resolveDataDir } from '../app/data-dir';
import { parseWebArgs, WEB_USAGE } from './cli-options';
import { openBrowser } from './open-browser';
import { startWebShell } from './server';

async function main(): Promise<void> {
  const parsed = parseWebArgs(process.argv.slice(2));
  if (parsed.kind === 'help') return void process.stdout.write(WEB_USAGE);
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n${WEB_USAGE}`);
    process.exit(2);
  }
  const port = parsed.port;
  const dataDir = parsed.dataDir ?? resolveDataDir();
  const app = await startConsoleApp({ dataDir, log: (line) => process.stderr.write(`${line}\n`) });
  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  const shell = await startWebShell({ handlers: app.handlers, downloads: app.downloads, rendererDir, port });
  process.stdout.write(`FaceID Console (browser shell) is ready: ${shell.url}\n`);
  process.stdout.write(`Data folder: ${dataDir}\nEmbedded sandbox: ${app.sandbox.baseUrl}\nPress Ctrl+C to stop.\n`);
  if (parsed.open) {
    const failed = await openBrowser(shell.url);
    process.stdout.write(failed ? `Could not open a browser (${failed}); open the URL above.\n` : 'Opened in your default browser.\n');
  }
  const stop = () => {
    void shell
      .close()
      .then(() => app.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`FaceID Console could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
