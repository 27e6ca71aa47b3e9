/**
 * The client against servers that misbehave the way networks and proxies do: real node:http
 * servers on 127.0.0.1:0. What matters is the outcome: 'failed' only when no token can exist,
 * 'unknown' whenever the request was sent and no complete, readable answer came back.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { getToken, type GetTokenCall } from '../../main/faceid/client';
import { saidInEnglish } from '../support/messages';

const params = {
  return_url: 'https://bank.example/r',
  notify_url: 'https://bank.example/n',
  biz_no: 'tr-1',
  comparison_type: '-1',
  uuid: 'customer-1',
};
const face = new Uint8Array(readFileSync('test/fixtures/face.jpg'));
const servers: Server[] = [];

/** A loopback server on a free port with the given behaviour. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
/** Reads the whole request, then runs `then`. */
const afterBody = (then: (res: ServerResponse, body: Buffer) => void) => (req: IncomingMessage, res: ServerResponse) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => then(res, Buffer.concat(chunks)));
};
const call = (baseUrl: string, over: Partial<GetTokenCall> = {}) =>
  getToken({ baseUrl, apiKey: 'k', apiSecret: 's3cret-value', params, photos: {}, ...over });

afterAll(() => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
});

describe('client: nothing sent → failed', () => {
  it('reports connection refused as NETWORK_ERROR', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise<void>((r) => server.close(() => r()));
    const r = await call(url);
    expect(r).toMatchObject({ outcome: 'failed', error: { code: 'NETWORK_ERROR', retryable: true } });
    expect(r.outcome === 'failed' && r.httpStatus).toBeUndefined();
    expect(r.outcome === 'failed' && saidInEnglish(r.error)).toMatch(/refused/);
  });

  it('reports a failed TLS handshake as NETWORK_ERROR', async () => {
    const url = await serve(afterBody((res) => res.end('plain http')));
    const r = await call(url.replace('http:', 'https:'), { timeoutMs: 5000 });
    expect(r).toMatchObject({ outcome: 'failed', error: { code: 'NETWORK_ERROR' } });
  });

  it('reports an unresolvable host as NETWORK_ERROR', async () => {
    const r = await call('https://no-such-host.invalid', { timeoutMs: 3000 });
    expect(r).toMatchObject({ outcome: 'failed', error: { code: 'NETWORK_ERROR' } });
  });

  it('refuses a base URL that is not http(s) without sending anything', async () => {
    const r = await call('ftp://files.example');
    expect(r).toMatchObject({ outcome: 'failed', error: { code: 'NETWORK_ERROR' }, elapsedMs: 0 });
    expect(r.outcome === 'failed' && saidInEnglish(r.error)).toMatch(/https or http, not ftp/);
  });

  it('reports a call cancelled before it started as CANCELLED and never connects', async () => {
    let requests = 0;
    const url = await serve((_req, res) => {
      requests++;
      res.end();
    });
    const controller = new AbortController();
    controller.abort();
    const r = await call(url, { signal: controller.signal });
    expect(r).toMatchObject({ outcome: 'failed', error: { code: 'CANCELLED', retryable: true } });
    expect(requests).toBe(0);
  });

  it('reports a timeout while the upload is still going as failed: no token can exist', async () => {
    // The server never reads: the 16 MB upload stalls once the socket buffers are full.
    const url = await serve((req) => req.pause());
    const big = new Uint8Array(16 * 1024 * 1024);
    const r = await call(url, { timeoutMs: 600, photos: { image_ref1: { bytes: big, filename: 'big.jpg', contentType: 'image/jpeg' } } });
    expect(r).toMatchObject({ outcome: 'failed', error: { code: 'TIMEOUT', retryable: true } });
    expect(r.outcome === 'failed' && saidInEnglish(r.error)).toMatch(/not completely sent/);
  });
});

describe('client: sent, no complete answer → unknown', () => {
  it('reports a server that never answers as TIMEOUT', async () => {
    const url = await serve((req) => req.resume());
    const r = await call(url, { timeoutMs: 300 });
    expect(r).toMatchObject({ outcome: 'unknown', error: { code: 'TIMEOUT', retryable: false } });
    expect(r.elapsedMs).toBeGreaterThanOrEqual(290);
  });

  it('reports a connection closed without an answer as CONNECTION_LOST', async () => {
    const url = await serve(afterBody((res) => res.socket?.destroy()));
    expect(await call(url)).toMatchObject({ outcome: 'unknown', error: { code: 'CONNECTION_LOST' } });
  });

  it('reports an answer cut off midway as CONNECTION_LOST, keeping what arrived', async () => {
    const url = await serve(
      afterBody((res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' });
        res.write('{"token":"');
        setTimeout(() => res.socket?.destroy(), 20);
      }),
    );
    const r = await call(url);
    expect(r).toMatchObject({ outcome: 'unknown', error: { code: 'CONNECTION_LOST' }, rawBody: '{"token":"' });
  });

  it('reports cancellation after sending as CANCELLED', async () => {
    const url = await serve((req) => req.resume());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const r = await call(url, { signal: controller.signal });
    expect(r).toMatchObject({ outcome: 'unknown', error: { code: 'CANCELLED' } });
  });

  it('reports an HTML 502 from a proxy as UNEXPECTED_RESPONSE quoting status and body', async () => {
    const url = await serve(
      afterBody((res) => {
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      }),
    );
    const r = await call(url);
    expect(r.outcome).toBe('unknown');
    if (r.outcome !== 'unknown') return;
    expect(r.error).toMatchObject({ code: 'UNEXPECTED_RESPONSE', httpStatus: 502 });
    expect(saidInEnglish(r.error)).toMatch(/HTTP 502.*<html><body><h1>502 Bad Gateway/);
    expect(r.rawBody).toContain('502 Bad Gateway');
  });

  it('reports a 200 without a token as UNEXPECTED_RESPONSE naming what is missing', async () => {
    const url = await serve(afterBody((res) => res.end(JSON.stringify({ request_id: '1,x', biz_id: '1,y', time_used: 3 }))));
    const r = await call(url);
    expect(r).toMatchObject({ outcome: 'unknown', error: { code: 'UNEXPECTED_RESPONSE' } });
    expect(r.outcome === 'unknown' && saidInEnglish(r.error)).toMatch(/without token, expired_time/);
  });
});

describe('client: answers', () => {
  it('treats a proxy HTML 404 as a refusal, not an unknown outcome', async () => {
    const url = await serve(
      afterBody((res) => {
        res.writeHead(404, { 'Content-Type': 'text/html' });
        res.end('<html>Not Found</html>');
      }),
    );
    expect(await call(url)).toMatchObject({ outcome: 'failed', httpStatus: 404, error: { code: 'UNEXPECTED_RESPONSE' } });
  });

  it('reads expired_time sent as a numeric string', async () => {
    const url = await serve(
      afterBody((res) =>
        res.end(JSON.stringify({ token: 'ab'.repeat(16), biz_id: '1,b', expired_time: '1700003600', request_id: '1,r', time_used: 2 })),
      ),
    );
    expect(await call(url)).toMatchObject({ outcome: 'issued', expired_time: 1_700_003_600, time_used: 2, request_id: '1,r' });
  });

  it('sends the parts in catalogue order, files with their name and content type, with a known length', async () => {
    let body = '';
    let headers: IncomingMessage['headers'] = {};
    const url = await serve((req, res) => {
      headers = req.headers;
      afterBody((r, b) => {
        body = b.toString('latin1');
        r.end(JSON.stringify({ token: 'a'.repeat(32), biz_id: '1,x', expired_time: 2, request_id: '1,y', time_used: 1 }));
      })(req, res);
    });
    const r = await call(`${url}/`, {
      params: {
        idcard_name: 'extra',
        uuid: 'u',
        comparison_type: '0',
        biz_no: 'b',
        notify_url: 'https://n.example/',
        return_url: 'https://r.example/',
        api_secret: 'sneaky',
        empty: '',
      },
      photos: {
        image_ref2: { bytes: face, filename: 'two.png', contentType: 'image/png' },
        image_ref1: { bytes: face, filename: 'me.jpg', contentType: 'image/jpeg' },
      },
    });
    expect(r.outcome).toBe('issued');
    expect(Number(headers['content-length'])).toBe(Buffer.byteLength(body, 'latin1'));
    expect(headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const names = [...body.matchAll(/; name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual([
      'api_key',
      'api_secret',
      'return_url',
      'notify_url',
      'biz_no',
      'comparison_type',
      'uuid',
      'idcard_name',
      'image_ref1',
      'image_ref2',
    ]);
    expect(body).toMatch(/name="image_ref1"; filename="me.jpg"\r\nContent-Type: image\/jpeg\r\n/);
    expect(body).toMatch(/name="image_ref2"; filename="two.png"\r\nContent-Type: image\/png\r\n/);
    expect(body).toContain('s3cret-value');
    expect(body).not.toContain('sneaky');
  });
});
