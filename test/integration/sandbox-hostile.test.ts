/**
 * The sandbox assumes a hostile caller: any web page the operator visits can reach a loopback
 * port. Broken bodies, odd request targets, unparsable requests and slow clients get a
 * documented answer (or a closed connection), never a crash, a 500 or a connection held for minutes.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';
import { rawExchange, rawPost } from '../support/raw-http';

const TOKEN_PATH = '/faceid/lite/get_token';
let sandbox: Sandbox;
const warnings: Error[] = [];
const onWarning = (w: Error) => warnings.push(w);

beforeAll(async () => {
  process.on('warning', onWarning);
  sandbox = await createSandbox({
    apiKey: 'hostile-key',
    apiSecret: 'hostile-secret',
    timeouts: { headersMs: 400, requestMs: 800, idleMs: 600, checkEveryMs: 100 },
  });
});
afterAll(async () => {
  process.off('warning', onWarning);
  await sandbox.close();
});

const json = (body: string) => JSON.parse(body) as Record<string, unknown>;

/** A GET answers at all: the server is still up. */
async function stillUp(): Promise<void> {
  const r = await fetch(`${sandbox.baseUrl}/nope`);
  expect(r.status).toBe(404);
}

describe('the sandbox under hostile input', () => {
  it('survives a multipart file part cut off before its boundary (the 105-byte body of the audit)', async () => {
    const body = '--X\r\nContent-Disposition: form-data; name="image_ref1"; filename="a.jpg"\r\n\r\nabc';
    const r = await rawExchange(sandbox.port, rawPost(TOKEN_PATH, body, { 'Content-Type': 'multipart/form-data; boundary=X' }));
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(json(r.body).error_message).toBe('MISSING_ARGUMENTS: api_key');
    await stillUp();
  });

  it('survives the same cut after a full set of valid fields, and answers as if no arguments came', async () => {
    const fields = ['api_key', 'hostile-key', 'api_secret', 'hostile-secret'];
    let body = '';
    for (let i = 0; i < fields.length; i += 2)
      body += `--X\r\nContent-Disposition: form-data; name="${fields[i]}"\r\n\r\n${fields[i + 1]}\r\n`;
    body += '--X\r\nContent-Disposition: form-data; name="image_ref1"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff';
    const r = await rawExchange(sandbox.port, rawPost(TOKEN_PATH, body, { 'Content-Type': 'multipart/form-data; boundary=X' }));
    expect(r.status).toBe(400);
    expect(json(r.body).error_message).toBe('MISSING_ARGUMENTS: api_key');
    await stillUp();
  });

  it('piles up no listeners over many broken bodies on one keep-alive connection', async () => {
    const body = '--X\r\nContent-Disposition: form-data; name="image_ref1"; filename="a.jpg"\r\n\r\nabc';
    const one = rawPost(TOKEN_PATH, body, { 'Content-Type': 'multipart/form-data; boundary=X', Connection: 'keep-alive' });
    const r = await rawExchange(sandbox.port, Buffer.concat(Array.from({ length: 40 }, () => one)));
    expect(r.status).toBe(400);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
  });

  it('answers odd request targets with 404 API_NOT_FOUND JSON, never 500', async () => {
    for (const target of [
      '//',
      '//evil.example/x',
      '*',
      'http://sandbox.invalid/faceid/lite/get_token',
      '/%',
      '/faceid/lite/get_token/..%2f..',
    ]) {
      const r = await rawExchange(sandbox.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      expect(r.status, target).toBe(404);
      // The seed sends API_NOT_FOUND under `error`.
      expect(json(r.body).error, target).toBe('API_NOT_FOUND');
    }
  });

  it('answers a request the HTTP parser refuses with a 400 page, and keeps serving', async () => {
    const garbage = await rawExchange(sandbox.port, 'HELLO\0 THERE\r\n\r\n');
    expect(garbage.status).toBe(400);
    const nonAscii = await rawExchange(sandbox.port, 'GET /\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(nonAscii.status).toBe(400);
    const badLength = await rawExchange(
      sandbox.port,
      `POST ${TOKEN_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello`,
    );
    expect(badLength.status).toBe(400);
    const hugeHeader = await rawExchange(sandbox.port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(hugeHeader.status).toBe(431);
    await stillUp();
  });

  it('drops a client that sends its headers too slowly', async () => {
    const r = await rawExchange(sandbox.port, `GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\n`, { end: false, timeoutMs: 5000 });
    // Node answers 408 where it can; either way the connection is gone well before the 5 s here.
    expect([0, 408]).toContain(r.status);
    expect(r.ms).toBeLessThan(4000);
  });

  it('drops a client that stops sending its body', async () => {
    const head = `POST ${TOKEN_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\napi_key=a`;
    const r = await rawExchange(sandbox.port, head, { end: false, timeoutMs: 5000 });
    expect([0, 408]).toContain(r.status);
    expect(r.ms).toBeLessThan(4000);
    await stillUp();
  });

  it('does not cut an answer held back by a latency fault: the request limit ends with the request', async () => {
    const held = await createSandbox({
      apiKey: 'k',
      apiSecret: 's',
      timeouts: { headersMs: 300, requestMs: 300, idleMs: 3000, checkEveryMs: 50 },
    });
    try {
      held.faults.set({ latencyMs: 1000, mode: 'concurrency' });
      const started = Date.now();
      const r = await fetch(`${held.baseUrl}${TOKEN_PATH}`, { method: 'POST', body: new URLSearchParams({ api_key: 'k' }) });
      expect(r.status).toBe(403);
      expect(await r.json()).toMatchObject({ error_message: 'CONCURRENCY_LIMIT_EXCEEDED' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    } finally {
      await held.close();
    }
  });

  it('refuses time limits that are not positive whole numbers, naming the limit', async () => {
    await expect(createSandbox({ apiKey: 'k', apiSecret: 's', timeouts: { idleMs: 0 } })).rejects.toThrow(
      /timeouts\.idleMs must be a positive whole number of ms, not 0/,
    );
  });

  it('survives a client that hangs up mid-upload', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${sandbox.baseUrl}${TOKEN_PATH}`, {
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'multipart/form-data; boundary=X', 'Content-Length': '100000' },
      });
      req.on('error', () => resolve());
      req.write('--X\r\nContent-Disposition: form-data; name="image_ref1"; filename="a.jpg"\r\n\r\n' + 'a'.repeat(5000), () => {
        req.destroy();
        resolve();
      });
    });
    await new Promise((r) => setTimeout(r, 50));
    await stillUp();
  });
});
