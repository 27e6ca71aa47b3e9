/**
 * `npm run sandbox -- --port 5000 --api-key K --api-secret S`: the FaceID sandbox on its own, for
 * client developers. Prints its base URL, its credentials and a curl example; serves until stopped.
 */
import { parseArgs } from 'node:util';
import { SANDBOX_DEFAULT_KEY, SANDBOX_DEFAULT_PORT, SANDBOX_DEFAULT_SECRET, SANDBOX_SCENES } from './defaults';
import { createSandbox } from './server';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(SANDBOX_DEFAULT_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
      'api-key': { type: 'string', default: SANDBOX_DEFAULT_KEY },
      'api-secret': { type: 'string', default: SANDBOX_DEFAULT_SECRET },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      `Usage: npm run sandbox -- [--port ${SANDBOX_DEFAULT_PORT}] [--host 127.0.0.1] [--api-key ${SANDBOX_DEFAULT_KEY}] [--api-secret ${SANDBOX_DEFAULT_SECRET}]\n`,
    );
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  if (values['api-key'] === '' || values['api-secret'] === '') throw new Error('--api-key and --api-secret must not be empty.');
  if (!LOOPBACK.has(values.host)) process.stderr.write(`Warning: serving on ${values.host}, reachable beyond this machine.\n`);
  const sandbox = await createSandbox({ host: values.host, port, apiKey: values['api-key'], apiSecret: values['api-secret'] });
  process.stdout.write(
    [
      `FaceID sandbox listening on ${sandbox.baseUrl}`,
      `  api_key:    ${sandbox.apiKey}`,
      `  api_secret: ${sandbox.apiSecret}`,
      `  scenes:     ${Object.entries(SANDBOX_SCENES).map(([id, s]) => `${id} (${s / 60} min)`).join(', ')}`,
      'Try:',
      `  curl -s ${sandbox.baseUrl}/faceid/lite/get_token -F api_key=${sandbox.apiKey} -F api_secret=${sandbox.apiSecret} \\`,
      '    -F return_url=https://example.com/return -F notify_url=https://example.com/notify \\',
      `    -F biz_no=demo-$(date +%s) -F comparison_type=-1`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`The sandbox could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
