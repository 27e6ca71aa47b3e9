/**
 * Command line of the standalone sandbox (`npm run sandbox -- ...`): argument parsing and the
 * start-up banner, kept out of cli.ts so they can be tested without starting a process.
 */
import { parseArgs } from 'node:util';
import { parsePort } from '../app/port';
import { MAGIC_TRANSPORT_UUIDS } from './faults';
import { MAGIC_UUIDS, SANDBOX_DEFAULT_HOST, SANDBOX_DEFAULT_KEY, SANDBOX_DEFAULT_PORT, SANDBOX_DEFAULT_SECRET } from './defaults';
import { isLoopbackHost } from './loopback';

export interface SandboxCliOptions {
  host: string;
  port: number;
  apiKey: string;
  apiSecret: string;
  /** Only when the operator typed --host with a non-loopback address. */
  exposeBeyondLoopback: boolean;
  /** false with --no-callback-port-check: a loopback notify_url may use any port. Absent: the default, on. */
  callbackPortCheck?: boolean;
  /** true with --lenient: accept what the vendor has not ruled out (logged on stderr). Absent: strict. */
  lenient?: boolean;
  /** true with --detect-faces: answer NO_FACE_FOUND / MULTIPLE_FACES from the photos' content. */
  detectFaces?: boolean;
}

export type ParsedCli =
  { kind: 'run'; options: SandboxCliOptions; warnings: string[] } | { kind: 'help' } | { kind: 'error'; message: string };

export const SANDBOX_USAGE = [
  'Usage: npm run sandbox -- [options]',
  '',
  `  --port <n>          port to listen on, 0 for any free port (default ${SANDBOX_DEFAULT_PORT})`,
  `  --host <address>    address to listen on (default ${SANDBOX_DEFAULT_HOST}; anything else must be given here explicitly)`,
  `  --api-key <key>     the api_key clients must send (default ${SANDBOX_DEFAULT_KEY})`,
  `  --api-secret <s>    the api_secret clients must send (default ${SANDBOX_DEFAULT_SECRET})`,
  '  --no-callback-port-check',
  '                      accept a notify_url on 127.0.0.1/localhost with any port (local development)',
  '  --lenient           accept values the vendor has not ruled out (open lists, inferred ranges and',
  '                      ports, other return_url schemes, urlencoded bodies), answer as for the nearest',
  '                      documented value and print each on stderr; strict (the default) refuses them',
  "  --detect-faces      run the console's face detector on reference photos and answer NO_FACE_FOUND /",
  '                      MULTIPLE_FACES from their content (as well as the magic uuid values)',
  '  --help              show this help',
  '',
].join('\n');

/** Parses the sandbox's command line; never throws. */
export function parseSandboxArgs(argv: readonly string[]): ParsedCli {
  let values: {
    port?: string;
    host?: string;
    'api-key'?: string;
    'api-secret'?: string;
    'no-callback-port-check'?: boolean;
    lenient?: boolean;
    'detect-faces'?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'api-key': { type: 'string' },
        'api-secret': { type: 'string' },
        'no-callback-port-check': { type: 'boolean' },
        lenient: { type: 'boolean' },
        'detect-faces': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
  if (values.help) return { kind: 'help' };
  const parsedPort = parsePort(values.port ?? String(SANDBOX_DEFAULT_PORT));
  if (!parsedPort.ok) return { kind: 'error', message: parsedPort.message };
  const port = parsedPort.port;
  const apiKey = values['api-key'] ?? SANDBOX_DEFAULT_KEY;
  const apiSecret = values['api-secret'] ?? SANDBOX_DEFAULT_SECRET;
  if (apiKey === '') return { kind: 'error', message: '--api-key must not be empty.' };
  if (apiSecret === '') return { kind: 'error', message: '--api-secret must not be empty.' };
  const host = values.host ?? SANDBOX_DEFAULT_HOST;
  if (host === '') return { kind: 'error', message: '--host must not be empty.' };
  const exposed = !isLoopbackHost(host);
  const warnings = exposed
    ? [`Warning: serving on ${host}, reachable from other machines. Anyone who can reach it and knows the credentials gets tokens.`]
    : [];
  const options: SandboxCliOptions = { host, port, apiKey, apiSecret, exposeBeyondLoopback: exposed };
  if (values['no-callback-port-check']) options.callbackPortCheck = false;
  if (values.lenient) options.lenient = true;
  if (values['detect-faces']) options.detectFaces = true;
  return { kind: 'run', options, warnings };
}

/** Quotes a value for a POSIX shell only when it needs it, so the example stays readable. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_.:/@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A curl form argument for a text field. `-F` gives `@`, `<` and `;` a meaning (read a file, set
 * a type), so a value that could contain them goes through `--form-string`, which sends it as is.
 */
export function curlField(name: string, value: string): string {
  return /^[A-Za-z0-9_.:/%+=,-]+$/.test(value) ? `-F ${name}=${value}` : `--form-string ${shellQuote(`${name}=${value}`)}`;
}

/**
 * What the standalone sandbox prints on start: where it listens, the credentials the operator
 * chose (printing them is the documented exception: they are the operator's own test values),
 * the scenes, the magic uuid values and a curl command ready to paste.
 */
export function sandboxBanner(s: {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  scenes: Readonly<Record<string, number>>;
  lenient?: boolean;
}): string {
  const scenes = Object.entries(s.scenes).map(([id, seconds]) => `${id} (${seconds} s)`);
  const credentials = `${curlField('api_key', s.apiKey)} ${curlField('api_secret', s.apiSecret)}`;
  const urls = '-F return_url=https://example.com/return -F notify_url=https://example.com/notify';
  return [
    `FaceID sandbox listening on ${s.baseUrl}`,
    `  api_key:    ${s.apiKey}`,
    `  api_secret: ${s.apiSecret}`,
    `  scenes:     ${scenes.join(', ')}; empty scene_id: 3600 s`,
    s.lenient
      ? '  mode:       lenient: values the vendor has not ruled out are accepted; each is printed on stderr'
      : '  mode:       strict: values outside the documented lists are refused (--lenient to accept them)',
    `  magic uuid: ${Object.values(MAGIC_UUIDS).join(', ')}`,
    `  transport:  ${[MAGIC_TRANSPORT_UUIDS.reset, MAGIC_TRANSPORT_UUIDS.proxy502, MAGIC_TRANSPORT_UUIDS.trickle, `${MAGIC_TRANSPORT_UUIDS.latencyPrefix}<ms>`].join(', ')}`,
    `  debugging:  GET ${s.baseUrl}/sandbox/callbacks, GET|PUT|DELETE ${s.baseUrl}/sandbox/faults`,
    '  liveness:   open /faceid/lite/do?token=<token> in a browser to pick the outcome',
    '',
    'Try (liveness only):',
    `  curl -s ${s.baseUrl}/faceid/lite/get_token ${credentials} \\`,
    `    ${urls} \\`,
    '    -F biz_no=demo-$(date +%s) -F comparison_type=-1 -F uuid=customer-1',
    'Liveness and comparison with a reference photo:',
    `  curl -s ${s.baseUrl}/faceid/lite/get_token ${credentials} \\`,
    `    ${urls} \\`,
    '    -F biz_no=demo-$(date +%s) -F comparison_type=0 -F uuid=customer-1 -F image_ref1=@face.jpg',
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
