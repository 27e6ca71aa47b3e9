/**
 * The embedded sandbox in its worker thread, driven as the console drives it: HTTP answered by
 * the worker, controls and events across the thread, errors propagated, a crash survived.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedSandboxError, startEmbeddedSandbox, workerOf, type EmbeddedSandbox } from '../../main/sandbox/embedded/client';

const KEY = 'embedded-key';
const SECRET = 'embedded-secret-0123456789';

async function getToken(
  baseUrl: string,
  bizNo: string,
  extra: Record<string, string> = {},
): Promise<{ status: number; body: { token?: string; error_message?: string } }> {
  const form = new FormData();
  const fields = {
    api_key: KEY,
    api_secret: SECRET,
    return_url: 'https://bank.example/r',
    notify_url: 'https://bank.example/n',
    biz_no: bizNo,
    comparison_type: '-1',
    uuid: `u-${bizNo}`,
    ...extra,
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const r = await fetch(`${baseUrl}/faceid/lite/get_token`, { method: 'POST', body: form });
  return { status: r.status, body: (await r.json()) as { token?: string; error_message?: string } };
}

const waitFor = async <T>(probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('the embedded sandbox in a worker thread', () => {
  let sandbox: EmbeddedSandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('answers get_token on loopback from its worker, and the console reads the token it issued', async () => {
    sandbox = await startEmbeddedSandbox({ apiKey: KEY, apiSecret: SECRET });
    expect(sandbox.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(workerOf(sandbox)?.threadId).toBeGreaterThan(0);
    const r = await getToken(sandbox.baseUrl, 'emb-1');
    expect(r.status).toBe(200);
    const kept = await sandbox.token(r.body.token ?? '');
    expect(kept).toMatchObject({ biz_no: 'emb-1', params: { uuid: 'u-emb-1' } });
    expect(kept?.params).not.toHaveProperty('api_secret');
    expect(await sandbox.tokenCount()).toBe(1);
    expect(await sandbox.token('no-such-token')).toBeUndefined();
  });

  it('applies lenient mode and a fault plan before the next request, and refuses a bad plan by name', async () => {
    sandbox = await startEmbeddedSandbox({ apiKey: KEY, apiSecret: SECRET });
    expect((await getToken(sandbox.baseUrl, 'emb-strict', { language: 'xx' })).status).toBe(400);
    await sandbox.setLenient(true);
    expect(sandbox.lenient).toBe(true);
    expect((await getToken(sandbox.baseUrl, 'emb-lenient', { language: 'xx' })).status).toBe(200);
    const { trusted } = await sandbox.snapshot();
    expect(trusted.some((t) => t.param === 'language' && t.accepted && t.biz_no === 'emb-lenient')).toBe(true);

    await sandbox.setFaults({ mode: 'concurrency', operation: 'get_token' });
    expect((await sandbox.snapshot()).faults).toMatchObject({ mode: 'concurrency', remaining: 1 });
    const refused = await getToken(sandbox.baseUrl, 'emb-fault');
    expect(refused).toMatchObject({ status: 403, body: { error_message: 'CONCURRENCY_LIMIT_EXCEEDED' } });
    expect((await sandbox.snapshot()).faults).toBeNull();
    await expect(sandbox.setFaults({ latencyMs: -5 })).rejects.toThrow(/latencyMs/);
  });

  it('tells the main thread when a customer opens a flow and when it ends', async () => {
    sandbox = await startEmbeddedSandbox({ apiKey: KEY, apiSecret: SECRET });
    const s = sandbox;
    const opened: string[] = [];
    const ended: string[] = [];
    s.onFlowOpened((e) => opened.push(e.biz_id));
    s.onFlowEnded((e) => ended.push(`${e.biz_id} ${e.status}`));
    const r = await getToken(s.baseUrl, 'emb-flow');
    const token = r.body.token ?? '';
    const bizId = (await s.token(token))?.biz_id ?? '';
    const page = await fetch(`${s.baseUrl}/faceid/lite/do?token=${token}`);
    expect(page.status).toBe(200);
    await waitFor(async () => (opened.includes(bizId) ? true : undefined));
    const done = await fetch(`${s.baseUrl}/faceid/lite/do?token=${token}`, {
      method: 'POST',
      body: new URLSearchParams({ preset: 'passed' }),
      redirect: 'manual',
    });
    expect(done.status).toBeLessThan(400);
    expect(await waitFor(async () => ended.find((e) => e.startsWith(bizId)))).toBe(`${bizId} OK`);
  });

  it('restarts a crashed worker on the same port, says so, and serves again', async () => {
    const lines: string[] = [];
    sandbox = await startEmbeddedSandbox({ apiKey: KEY, apiSecret: SECRET, lenient: true, log: (l) => lines.push(l) });
    const s = sandbox;
    const before = s.baseUrl;
    const first = workerOf(s);
    await first?.terminate();
    // The next control waits for the new worker rather than failing or hanging.
    expect(await s.tokenCount()).toBe(0);
    expect(workerOf(s)).not.toBe(first);
    expect(s.baseUrl).toBe(before);
    expect(lines.some((l) => /restarting it on port/.test(l))).toBe(true);
    // The operator's mode survives the restart.
    expect((await getToken(s.baseUrl, 'emb-after', { language: 'xx' })).status).toBe(200);
  });

  it('gives up after repeated crashes and fails every later call at once, never hanging', async () => {
    const lines: string[] = [];
    sandbox = await startEmbeddedSandbox({ apiKey: KEY, apiSecret: SECRET, log: (l) => lines.push(l) });
    const s = sandbox;
    for (let i = 0; i < 4; i++) {
      await s.tokenCount().catch(() => undefined);
      await workerOf(s)?.terminate();
    }
    await waitFor(async () => (lines.some((l) => /is not restarted/.test(l)) ? true : undefined));
    const started = Date.now();
    await expect(s.tokenCount()).rejects.toBeInstanceOf(EmbeddedSandboxError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('propagates the worker’s errors: a loopback or foreign address to serve on, and a call after close', async () => {
    sandbox = await startEmbeddedSandbox({ apiKey: KEY, apiSecret: SECRET });
    await expect(sandbox.serveOnLan('127.0.0.1')).rejects.toThrow(/loopback/);
    // TEST-NET-3: no interface of this machine has it.
    await expect(sandbox.serveOnLan('203.0.113.77')).rejects.toMatchObject({ code: 'EADDRNOTAVAIL' });
    expect(sandbox.lanBaseUrl).toBeUndefined();
    expect(sandbox.publicBaseUrl).toBe(sandbox.baseUrl);
    const s = sandbox;
    await s.close();
    sandbox = undefined;
    await expect(s.tokenCount()).rejects.toMatchObject({ code: 'SANDBOX_STOPPED' });
  });
});
