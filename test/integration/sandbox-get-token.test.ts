import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getToken, type GetTokenCall, type GetTokenResult, type PhotoPart } from '../../main/faceid/client';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';
import { makeBigJpeg, makeJpeg, makePng } from '../fixtures/images';

const KEY = 'it-key';
const SECRET = 'it-secret';
const jpeg = (bytes: Uint8Array, filename = 'face.jpg'): PhotoPart => ({ bytes, filename, contentType: 'image/jpeg' });
const face = new Uint8Array(readFileSync('test/fixtures/face.jpg'));

let seq = 0;
const basic = (): Record<string, string> => ({
  return_url: 'https://bank.example/return',
  notify_url: 'https://bank.example/notify',
  biz_no: `it-${++seq}`,
  comparison_type: '-1',
});

/** A server on port 0 with the given behaviour, for the transport failures. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('get_token: real client against the real sandbox', () => {
  let sandbox: Sandbox;
  const call = (over: Partial<GetTokenCall> = {}): Promise<GetTokenResult> =>
    getToken({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, params: basic(), photos: {}, ...over });
  const withParams = (params: Record<string, string>, photos: GetTokenCall['photos'] = {}) => call({ params: { ...basic(), ...params }, photos });
  const expectError = async (p: Promise<GetTokenResult>, status: number, message: string, field?: string) => {
    const r = await p;
    expect(r.outcome, JSON.stringify(r)).toBe('failed');
    if (r.outcome === 'failed') {
      expect(r.httpStatus).toBe(status);
      expect(r.error.serviceMessage).toBe(message);
      if (field !== undefined) expect(r.error.field).toBe(field);
    }
  };

  beforeAll(async () => {
    sandbox = await createSandbox({ apiKey: KEY, apiSecret: SECRET });
  });
  afterAll(() => sandbox.close());

  it('issues a liveness-only token of the documented shape', async () => {
    const before = Math.floor(Date.now() / 1000);
    const r = await call();
    expect(r.outcome).toBe('issued');
    if (r.outcome !== 'issued') return;
    expect(r.token).toMatch(/^[0-9a-f]{32}$/);
    expect(r.biz_id).toMatch(/^\d{10},[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.request_id).toMatch(/^\d{10},[0-9a-f-]{36}$/);
    expect(r.expired_time).toBeGreaterThanOrEqual(before + 3600);
    expect(Number.isInteger(r.time_used)).toBe(true);
    expect(sandbox.tokens.get(r.token)?.params.api_secret).toBeUndefined();
  });

  it('issues a comparison token with a JPEG and a PNG, keeping only their hashes', async () => {
    const r = await withParams({ comparison_type: '0', uuid: 'cust-1' }, { image_ref1: jpeg(face), image_ref2: { bytes: makePng(40, 40), filename: 'f.png', contentType: 'image/png' } });
    expect(r.outcome).toBe('issued');
    if (r.outcome === 'issued') {
      const issued = sandbox.tokens.get(r.token);
      expect(issued?.photos.image_ref1).toMatchObject({ bytes: face.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    }
  });

  it('gives a short-scene token a shorter life', async () => {
    const r = await withParams({ scene_id: 'sandbox-1min' });
    expect(r.outcome === 'issued' && r.expired_time - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(60);
  });

  it('refuses wrong credentials with 403 AUTHENTICATION_ERROR', async () => {
    await expectError(call({ apiSecret: 'wrong' }), 403, 'AUTHENTICATION_ERROR');
    await expectError(call({ apiKey: '' }), 400, 'MISSING_ARGUMENTS: api_key', 'api_key');
  });

  it('names each missing required parameter', async () => {
    for (const name of ['return_url', 'notify_url', 'biz_no', 'comparison_type']) {
      const params = basic();
      delete params[name];
      await expectError(call({ params }), 400, `MISSING_ARGUMENTS: ${name}`, name);
    }
    await expectError(withParams({ comparison_type: '0' }, { image_ref1: jpeg(face) }), 400, 'MISSING_ARGUMENTS: uuid', 'uuid');
    await expectError(withParams({ comparison_type: '0', uuid: 'u' }), 400, 'MISSING_ARGUMENTS: image_ref1', 'image_ref1');
  });

  it('refuses each bad argument the catalogue implies', async () => {
    const cases: [string, string][] = [
      ['return_url', 'not-a-url'],
      ['notify_url', 'https://bank.example:8443/n'],
      ['notify_url', 'http://bank.example/n'],
      ['biz_no', '€'.repeat(43)],
      ['uuid', 'u'.repeat(513)],
      ['biz_extra_data', 'x'.repeat(4097)],
      ['comparison_type', '1'],
      ['language', '9'],
      ['procedure_type', 'teleport'],
      ['procedure_priority', 'never'],
      ['scene_id', 'no-such-scene'],
      ['maximum_shooting_time', '61'],
      ['maximum_shooting_time', 'ten'],
      ['get_shooting_error', '2'],
      ['multi_oriented_detection', 'yes'],
      ['fmp_mode', '3'],
      ['get_fail_reason', 'true'],
      ['action_http_method', 'PUT'],
      ['redirect_type', '5'],
    ];
    for (const [name, value] of cases) await expectError(withParams({ [name]: value }), 400, `BAD_ARGUMENTS: ${name}`, name);
  });

  it('accepts every value the catalogue lists, action_http_method in any case', async () => {
    const accepted: Record<string, string>[] = [{ language: '3' }, { procedure_type: 'distance' }, { action_http_method: 'get', redirect_type: '1' }, { maximum_shooting_time: '60' }, { notify_url: 'http://bank.example:5000/n' }];
    for (const params of accepted) {
      expect((await withParams(params)).outcome, JSON.stringify(params)).toBe('issued');
    }
  });

  it('refuses reference images it cannot decode, naming the parameter', async () => {
    const cmp = { comparison_type: '0', uuid: 'u' };
    await expectError(withParams(cmp, { image_ref1: jpeg(new Uint8Array(readFileSync('test/fixtures/not-an-image.jpg'))) }), 400, 'IMAGE_ERROR_UNSUPPORTED_FORMAT: image_ref1', 'image_ref1');
    await expectError(withParams(cmp, { image_ref1: jpeg(face), image_ref2: jpeg(face.subarray(0, face.length - 300)) }), 400, 'IMAGE_ERROR_UNSUPPORTED_FORMAT: image_ref2', 'image_ref2');
    await expectError(withParams(cmp, { image_ref1: jpeg(makeJpeg(4100, 8)) }), 400, 'INVALID_IMAGE_SIZE: image_ref1', 'image_ref1');
  });

  it('answers an upload over 2 MB with HTTP 413, understood as too large', async () => {
    const r = await withParams({ comparison_type: '0', uuid: 'u' }, { image_ref1: jpeg(makeBigJpeg()) });
    expect(r).toMatchObject({ outcome: 'failed', httpStatus: 413, error: { code: 'REQUEST_ENTITY_TOO_LARGE' } });
  });

  it('forces outcomes with the magic uuid values', async () => {
    const cmp = (uuid: string, extra: Record<string, string> = {}) => withParams({ comparison_type: '0', uuid, ...extra }, { image_ref1: jpeg(face) });
    await expectError(cmp('sandbox:no-face'), 400, 'NO_FACE_FOUND', 'image_ref1');
    await expectError(cmp('sandbox:multiple-faces'), 400, 'MULTIPLE_FACES', 'image_ref1');
    expect((await cmp('sandbox:multiple-faces', { fail_when_ref_multiple_faces: '0' })).outcome).toBe('issued');
    await expectError(withParams({ uuid: 'sandbox:concurrency' }), 403, 'CONCURRENCY_LIMIT_EXCEEDED');
    await expectError(withParams({ uuid: 'sandbox:internal-error' }), 500, 'INTERNAL_ERROR');
    const denied = await withParams({ uuid: 'sandbox:unauthorized' });
    expect(denied).toMatchObject({ outcome: 'failed', httpStatus: 403, error: { code: 'AUTHORIZATION_ERROR', detail: 'Denied.' } });
  });

  it('answers an unknown path with 404 API_NOT_FOUND', async () => {
    await expectError(call({ baseUrl: `${sandbox.baseUrl}/wrong-prefix` }), 404, 'API_NOT_FOUND');
  });
});

describe('get_token: transport failures', () => {
  const params = basic();
  const servers: Server[] = [];
  afterAll(() => {
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
  });

  it('reports connection refused as a failed call: nothing was sent', async () => {
    const { url, server } = await serve(() => {});
    await new Promise<void>((r) => server.close(() => r()));
    const r = await getToken({ baseUrl: url, apiKey: 'k', apiSecret: 's', params, photos: {} });
    expect(r).toMatchObject({ outcome: 'failed', error: { code: 'NETWORK_ERROR' } });
  });

  it('reports a timeout after sending as an unknown outcome', async () => {
    const { url, server } = await serve((req) => req.resume());
    servers.push(server);
    const r = await getToken({ baseUrl: url, apiKey: 'k', apiSecret: 's', params, photos: {}, timeoutMs: 300 });
    expect(r).toMatchObject({ outcome: 'unknown', error: { code: 'TIMEOUT' } });
  });

  it('reports a connection reset mid-answer as an unknown outcome', async () => {
    const { url, server } = await serve((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' });
        res.write('{"token":"');
        setTimeout(() => res.socket?.destroy(), 20);
      });
    });
    servers.push(server);
    const r = await getToken({ baseUrl: url, apiKey: 'k', apiSecret: 's', params, photos: {} });
    expect(r).toMatchObject({ outcome: 'unknown', error: { code: 'CONNECTION_LOST' } });
  });

  it('reports an HTML 502 from a proxy clearly, outcome unknown', async () => {
    const { url, server } = await serve((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      });
    });
    servers.push(server);
    const r = await getToken({ baseUrl: url, apiKey: 'k', apiSecret: 's', params, photos: {} });
    expect(r.outcome).toBe('unknown');
    if (r.outcome === 'unknown') {
      expect(r.error.code).toBe('UNEXPECTED_RESPONSE');
      expect(r.error.explanation).toMatch(/HTTP 502.*<html><body><h1>502 Bad Gateway/);
    }
  });

  it('cancels a call in flight', async () => {
    const { url, server } = await serve((req) => req.resume());
    servers.push(server);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const r = await getToken({ baseUrl: url, apiKey: 'k', apiSecret: 's', params, photos: {}, signal: controller.signal });
    expect(r).toMatchObject({ outcome: 'unknown', error: { code: 'CANCELLED' } });
  });

  it('sends each multipart part with its own content type and file name', async () => {
    let body = '';
    const { url, server } = await serve((req, res) => {
      req.setEncoding('latin1');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ token: 'a'.repeat(32), biz_id: '1,x', expired_time: 2, request_id: '1,y', time_used: 1 }));
      });
    });
    servers.push(server);
    const r = await getToken({ baseUrl: `${url}/`, apiKey: 'k', apiSecret: 's', params: { ...params, comparison_type: '0', uuid: 'u' }, photos: { image_ref1: jpeg(face, 'me.jpg') } });
    expect(r.outcome).toBe('issued');
    expect(body).toMatch(/Content-Disposition: form-data; name="image_ref1"; filename="me.jpg"\r\nContent-Type: image\/jpeg/);
    expect(body.indexOf('name="api_key"')).toBeLessThan(body.indexOf('name="return_url"'));
    expect(body.indexOf('name="comparison_type"')).toBeLessThan(body.indexOf('name="uuid"'));
  });
});
