/**
 * The sandbox at the HTTP level, with plain node:http requests instead of our client: what any
 * client developer's code would see (status, content type, body shape), including requests our
 * client never makes.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';

const ID_SHAPE = /^\d{10},[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CREDENTIALS = { api_key: 'raw-key', api_secret: 'raw-secret' };
const VALID = {
  ...CREDENTIALS,
  return_url: 'https://r.example/',
  notify_url: 'https://n.example/',
  biz_no: 'raw-1',
  comparison_type: '-1',
  uuid: 'customer-1',
};

interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** One request; `body` undefined sends none. Resolves with the answer as received. */
function send(url: string, method: string, headers: Record<string, string>, body?: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type']),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    if (body === undefined) req.end();
    else req.end(body);
  });
}

/** A multipart body written by hand, as a client in another language would. */
function multipart(fields: Record<string, string>, boundary = 'XyZ123'): { headers: Record<string, string>; body: string } {
  const body = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  return { headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body: `${body}--${boundary}--\r\n` };
}

const json = (a: RawAnswer) => JSON.parse(a.body) as Record<string, unknown>;

describe('sandbox over raw HTTP', () => {
  let sandbox: Sandbox;
  const at = (path: string) => `${sandbox.baseUrl}${path}`;
  const getToken = (h: Record<string, string>, body?: string | Buffer) => send(at('/faceid/lite/get_token'), 'POST', h, body);

  beforeAll(async () => {
    sandbox = await createSandbox({ apiKey: CREDENTIALS.api_key, apiSecret: CREDENTIALS.api_secret });
  });
  afterAll(() => sandbox.close());

  it('answers any unknown path or method with a 404 API_NOT_FOUND JSON body', async () => {
    const cases: [string, string][] = [
      ['GET', '/'],
      ['GET', '/faceid/lite/get_token'],
      ['PUT', '/faceid/lite/get_token'],
      ['POST', '/faceid/lite/get_token/extra'],
      ['POST', '/faceid/v3/sdk/get_biz_token'],
      ['DELETE', '/anything?x=1'],
    ];
    for (const [method, path] of cases) {
      const a = await send(at(path), method, {});
      expect(a.status, `${method} ${path}`).toBe(404);
      expect(a.contentType).toMatch(/^application\/json/);
      const body = json(a);
      // The seed sends API_NOT_FOUND under `error`, not `error_message`.
      expect(body).toMatchObject({ error: 'API_NOT_FOUND', request_id: expect.stringMatching(ID_SHAPE) });
      expect(body).not.toHaveProperty('error_message');
      expect(Number.isInteger(body.time_used)).toBe(true);
    }
  });

  it('issues a token for a hand-written multipart body', async () => {
    const m = multipart(VALID);
    const a = await getToken(m.headers, m.body);
    expect(a.status).toBe(200);
    expect(a.contentType).toMatch(/^application\/json/);
    expect(json(a)).toMatchObject({
      token: expect.stringMatching(/^[0-9a-f]{32}$/),
      biz_id: expect.stringMatching(ID_SHAPE),
      request_id: expect.stringMatching(ID_SHAPE),
    });
  });

  it('takes the first value of a repeated field', async () => {
    // The second comparison_type would be BAD_ARGUMENTS; a token means it was not the one read.
    const m = multipart(VALID);
    const repeated = '--XyZ123\r\nContent-Disposition: form-data; name="comparison_type"\r\n\r\n7\r\n--XyZ123--\r\n';
    const a = await getToken(m.headers, m.body.replace('--XyZ123--\r\n', repeated));
    expect(a.status).toBe(200);
  });

  it('answers a body that is not a form as one without arguments: MISSING_ARGUMENTS: api_key', async () => {
    const a = await getToken({ 'Content-Type': 'application/json' }, JSON.stringify(VALID));
    expect(a.status).toBe(400);
    expect(json(a)).toMatchObject({ error_message: 'MISSING_ARGUMENTS: api_key', request_id: expect.stringMatching(ID_SHAPE) });
    const noType = await getToken({}, 'api_key=x');
    expect(json(noType).error_message).toBe('MISSING_ARGUMENTS: api_key');
  });

  it('answers a multipart body cut off before its end as one without arguments', async () => {
    const m = multipart(VALID);
    const a = await getToken(m.headers, m.body.slice(0, m.body.length - 30));
    expect(a.status).toBe(400);
    expect(json(a).error_message).toBe('MISSING_ARGUMENTS: api_key');
  });

  it('answers an announced body over 10 MB with an nginx-style HTML 413 before reading it', async () => {
    const answer = await new Promise<RawAnswer>((resolve, reject) => {
      const req = request(at('/faceid/lite/get_token'), {
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'multipart/form-data; boundary=b', 'Content-Length': String(11 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), body });
          req.destroy();
        });
      });
      req.on('error', reject);
      req.flushHeaders(); // headers only: the answer must not wait for 11 MB that never comes
    });
    expect(answer.status).toBe(413);
    expect(answer.contentType).toMatch(/^text\/html/);
    expect(answer.body).toContain('<title>413 Request Entity Too Large</title>');
    expect(answer.body).toContain('nginx');
  });

  it('reads the rest of an oversized upload before hanging up, so the 413 is not lost', async () => {
    const fields = multipart(VALID).body.replace(/--XyZ123--\r\n$/, '');
    const filler = Buffer.alloc(11 * 1024 * 1024, 0x41);
    const body = Buffer.concat([
      Buffer.from(`${fields}--XyZ123\r\nContent-Disposition: form-data; name="biz_extra_data"\r\n\r\n`),
      filler,
      Buffer.from('\r\n--XyZ123--\r\n'),
    ]);
    const a = await getToken({ 'Content-Type': 'multipart/form-data; boundary=XyZ123', 'Content-Length': String(body.length) }, body);
    expect(a.status).toBe(413);
  });
});

describe('createSandbox options', () => {
  it('refuses to listen beyond loopback unless told to', async () => {
    await expect(createSandbox({ host: '0.0.0.0', apiKey: 'k', apiSecret: 's' })).rejects.toThrow(/not a loopback address/);
  });

  it('refuses empty credentials, a bad port and a bad scene timeout', async () => {
    await expect(createSandbox({ apiKey: '', apiSecret: 's' })).rejects.toThrow(/apiKey/);
    await expect(createSandbox({ apiKey: 'k', apiSecret: '' })).rejects.toThrow(/apiSecret/);
    await expect(createSandbox({ apiKey: 'k', apiSecret: 's', port: 70000 })).rejects.toThrow(/0 to 65535/);
    await expect(createSandbox({ apiKey: 'k', apiSecret: 's', scenes: { slow: 0 } })).rejects.toThrow(/Scene "slow"/);
  });

  it('reports a port already in use', async () => {
    const first = await createSandbox({ apiKey: 'k', apiSecret: 's' });
    try {
      await expect(createSandbox({ apiKey: 'k', apiSecret: 's', port: first.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
