/**
 * notify_url delivery: the port whitelist and its loopback bypass, retries on a failing
 * receiver, and the callback log in-process and over HTTP.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { livenessUrl } from '../../core/faceid/verification';
import { getToken } from '../../main/faceid/client';
import { verifyCallbackSignature } from '../../main/faceid/signature';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../main/sandbox/server';
import { startReceiver, type CallbackReceiver } from '../support/callback-receiver';

const KEY = 'cb-key';
const SECRET = 'cb-secret';
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.close()));
});

async function setUp(over: Partial<SandboxOptions> = {}): Promise<{ sandbox: Sandbox; receiver: CallbackReceiver }> {
  const sandbox = await createSandbox({ apiKey: KEY, apiSecret: SECRET, callbackPortCheck: false, notifyRetryDelaysMs: [50, 80], ...over });
  const receiver = await startReceiver();
  opened.push(sandbox, receiver);
  return { sandbox, receiver };
}

let seq = 0;
const issue = (sandbox: Sandbox, notifyUrl: string) =>
  getToken({
    baseUrl: sandbox.baseUrl,
    apiKey: KEY,
    apiSecret: SECRET,
    params: {
      return_url: 'https://bank.example/r',
      notify_url: notifyUrl,
      biz_no: `cb-${++seq}`,
      comparison_type: '-1',
      uuid: 'customer-1',
    },
    photos: {},
  });

async function endFlow(sandbox: Sandbox, notifyUrl: string): Promise<void> {
  const r = await issue(sandbox, notifyUrl);
  if (r.outcome !== 'issued') throw new Error(JSON.stringify(r));
  await fetch(livenessUrl(sandbox.baseUrl, r.token), {
    method: 'POST',
    body: new URLSearchParams({ preset: 'passed' }),
    redirect: 'manual',
  });
}

describe('notify_url port whitelist', () => {
  it('refuses a loopback notify_url on another port by default, and accepts it with callbackPortCheck false', async () => {
    const { sandbox: strict, receiver } = await setUp({ callbackPortCheck: undefined });
    expect(await issue(strict, `${receiver.url}/n`)).toMatchObject({
      outcome: 'failed',
      error: { serviceMessage: 'BAD_ARGUMENTS: notify_url' },
    });
    const { sandbox: lenient } = await setUp();
    for (const url of [`${receiver.url}/n`, 'http://localhost:9/n', 'http://[::1]:9/n'])
      expect((await issue(lenient, url)).outcome, url).toBe('issued');
  });

  it('keeps the whitelist for every other host even with callbackPortCheck false', async () => {
    const { sandbox } = await setUp();
    expect(await issue(sandbox, 'https://bank.example:8443/n')).toMatchObject({
      outcome: 'failed',
      error: { serviceMessage: 'BAD_ARGUMENTS: notify_url' },
    });
    expect((await issue(sandbox, 'https://bank.example:8883/n')).outcome).toBe('issued');
  });
});

describe('notify_url delivery', () => {
  it('retries after a 500 and logs every attempt with its status and latency', async () => {
    const { sandbox, receiver } = await setUp();
    receiver.answerWith([500]);
    await endFlow(sandbox, `${receiver.url}/n`);
    const [first, second] = await receiver.waitFor(2, 3000);
    expect(first?.form.get('data')).toBe(second?.form.get('data'));
    expect(verifyCallbackSignature(SECRET, second?.form.get('data') ?? '', second?.form.get('sign') ?? '')).toBe(true);
    // The log entry follows the receiver's answer, later on a loaded machine: wait for it, not a fixed 20 ms.
    await expect.poll(() => sandbox.callbackLog.filter((e) => e.kind === 'notify').length).toBe(2);
    const notifies = sandbox.callbackLog.filter((e) => e.kind === 'notify');
    expect(notifies.map((e) => [e.attempt, e.status, e.method])).toEqual([
      [1, 500, 'POST'],
      [2, 200, 'POST'],
    ]);
    for (const e of notifies)
      expect(e).toMatchObject({
        url: `${receiver.url}/n`,
        latencyMs: expect.any(Number),
        data: first?.form.get('data'),
        sign: first?.form.get('sign'),
      });
    const overHttp = (await (await fetch(`${sandbox.baseUrl}/sandbox/callbacks`)).json()) as { callbacks: unknown[] };
    expect(overHttp.callbacks).toEqual(JSON.parse(JSON.stringify(sandbox.callbackLog)));
  });

  it('gives up after the last scheduled retry', async () => {
    const { sandbox, receiver } = await setUp();
    receiver.answerWith([503, 503, 503, 503, 503]);
    await endFlow(sandbox, `${receiver.url}/n`);
    await receiver.waitFor(3, 3000);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received).toHaveLength(3);
    expect(sandbox.callbackLog.filter((e) => e.kind === 'notify').map((e) => [e.attempt, e.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 503],
    ]);
  });

  it('logs a network error when nothing listens, and a timeout when the receiver never answers', async () => {
    const { sandbox, receiver } = await setUp({ notifyRetryDelaysMs: [], notifyTimeoutMs: 200 });
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    opened.push({ close: () => new Promise<void>((r) => (silent.closeAllConnections(), silent.close(() => r()))) });
    await receiver.close();
    await endFlow(sandbox, `${receiver.url}/n`);
    await endFlow(sandbox, `http://127.0.0.1:${(silent.address() as AddressInfo).port}/n`);
    const deadline = Date.now() + 3000;
    const logged = () => sandbox.callbackLog.filter((e) => e.kind === 'notify');
    while (logged().length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(logged()).toEqual([
      expect.objectContaining({ attempt: 1, error: 'connect ECONNREFUSED ' + receiver.url.slice('http://'.length) }),
      expect.objectContaining({ attempt: 1, error: 'no answer within 0.2 s', latencyMs: expect.any(Number) }),
    ]);
    for (const e of logged()) expect(e).not.toHaveProperty('status');
    expect(logged()[1]?.latencyMs).toBeGreaterThanOrEqual(190);
  });
});
