/**
 * A sandbox in a process of its own for the load bench, so the load generator's CPU is not
 * counted as the sandbox's and its RSS is the sandbox's alone. Prints one JSON line
 * `{ "baseUrl": … }`; SANDBOX_MAX_FLOWS=0 turns the cap off (the code before the bound). Each
 * line on stdin is answered with one JSON line of memory figures, taken after a full GC when the
 * process runs with --expose-gc (what stays, not what the last burst left to collect).
 */
import { createInterface } from 'node:readline';
import { createSandbox } from '../main/sandbox/server';

const cap = process.env.SANDBOX_MAX_FLOWS;
const sandbox = await createSandbox({
  apiKey: 'bench-key',
  apiSecret: 'bench-secret',
  maxFlows: cap === '0' ? Number.POSITIVE_INFINITY : undefined,
});
process.stdout.write(`${JSON.stringify({ baseUrl: sandbox.baseUrl })}\n`);
createInterface({ input: process.stdin }).on('line', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, tokens: sandbox.tokens.size })}\n`);
});
process.once('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
