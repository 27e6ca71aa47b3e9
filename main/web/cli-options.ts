/** Command line of the browser shell (`npm run web -- ...`), parsed without starting anything. */
import { parseArgs } from 'node:util';
import { parsePort } from '../app/port';

export type ParsedWebCli =
  { kind: 'run'; port: number; dataDir?: string; open: boolean } | { kind: 'help' } | { kind: 'error'; message: string };

export const WEB_USAGE =
  'Usage: npm run web -- [--port N] [--data-dir DIR] [--open]\n' +
  'Serves FaceID Console on http://127.0.0.1:N (any free port by default) and prints the URL to open;\n' +
  'the URL carries the per-launch access token after "#". --open also opens it in the default browser\n' +
  '($BROWSER when set); npm start does so unless given --no-open.\n';

/** Parses the browser shell's command line; never throws. */
export function parseWebArgs(argv: readonly string[]): ParsedWebCli {
  let values: { port?: string; 'data-dir'?: string; help?: boolean; open?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        open: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
  if (values.help) return { kind: 'help' };
  const port = parsePort(values.port ?? '0');
  if (!port.ok) return { kind: 'error', message: port.message };
  if (values['data-dir'] === '') return { kind: 'error', message: '--data-dir must not be empty.' };
  return { kind: 'run', port: port.port, dataDir: values['data-dir'], open: values.open === true };
}
