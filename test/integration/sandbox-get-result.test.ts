/**
 * get_result through the real client against the real sandbox: the same data as the callbacks,
 * at most three times, for one day; the documented errors; and no secret in anything returned.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livenessUrl } from '../../core/faceid/verification';
import { getToken } from '../../main/faceid/client';
import { getResult, type GetResultCall, type GetResultResult } from '../../main/faceid/get-result';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';
import { startReceiver, type CallbackReceiver } from '../support/callback-receiver';

const KEY = 'gr-key';
/** Characters that URL encoding changes, so every written form of the secret is exercised. */
const SECRET = 'gr sec+ret/&=?é';
const DAY_MS = 24 * 60 * 60 * 1000;

let clock = Date.UTC(2025, 2, 1, 12, 0, 0);
let sandbox: Sandbox;
let receiver: CallbackReceiver;
let seq = 0;

beforeAll(async () => {
  sandbox = await createSandbox({ apiKey: KEY, apiSecret: SECRET, now: () => clock, callbackPortCheck: false, notifyRetryDelaysMs: [] });
  receiver = await startReceiver();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

const fetchResult = (bizId: string, over: Partial<GetResultCall> = {}) =>
  getResult({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, bizId, ...over });

/** A liveness-only token issued by the real client, its callbacks pointed at the test receiver. */
async function issueToken(): Promise<{ token: string; biz_id: string }> {
  const r = await getToken({
    baseUrl: sandbox.baseUrl,
    apiKey: KEY,
    apiSecret: SECRET,
    params: {
      return_url: `${receiver.url}/r`,
      notify_url: `${receiver.url}/n`,
      biz_no: `gr-${++seq}`,
      comparison_type: '-1',
      uuid: 'customer-1',
    },
    photos: {},
  });
  if (r.outcome !== 'issued') throw new Error(JSON.stringify(r));
  return r;
}

/** A token whose flow was ended on the liveness page with `preset`; resolves with the callbacks' data. */
async function finishedFlow(preset: string): Promise<{ bizId: string; data: string }> {
  const r = await issueToken();
  await fetch(livenessUrl(sandbox.baseUrl, r.token), { method: 'POST', body: new URLSearchParams({ preset }), redirect: 'manual' });
  const delivered = sandbox.callbackLog.find((e) => e.kind === 'return' && e.data.includes(r.biz_id));
  if (!delivered) throw new Error('the flow did not end');
  return { bizId: r.biz_id, data: delivered.data };
}

const expectDestroyed = (r: GetResultResult) => {
  expect(r).toMatchObject({
    outcome: 'failed',
    httpStatus: 403,
    error: { code: 'DATA_DESTROYED', serviceMessage: 'DATA_DESTROYED', field: 'biz_id', retryable: false },
  });
};

describe('get_result', () => {
  /** The callbacks' data without the two fields each answer has of its own. */
  const withoutIds = (json: string) => {
    const { request_id: _r, time_used: _t, ...rest } = JSON.parse(json) as Record<string, unknown>;
    return rest;
  };

  it('returns the data the callbacks carried three times, each answer with its own request_id, then DATA_DESTROYED', async () => {
    const { bizId, data } = await finishedFlow('passed');
    const ids = new Set([(JSON.parse(data) as { request_id: string }).request_id]);
    for (let i = 0; i < 3; i++) {
      const r = await fetchResult(bizId);
      if (r.outcome !== 'ok') throw new Error(`fetch ${i + 1}: ${JSON.stringify(r)}`);
      expect(withoutIds(r.rawBody)).toEqual(withoutIds(data));
      const body = JSON.parse(r.rawBody) as { request_id: string; time_used: unknown };
      expect(body.request_id).toMatch(/^\d{10},[0-9a-f-]{36}$/);
      expect(Number.isInteger(body.time_used)).toBe(true);
      ids.add(body.request_id);
    }
    // The vendor defines request_id as unique per request: the callback's and three answers' are four.
    expect(ids.size).toBe(4);
    expectDestroyed(await fetchResult(bizId));
    expectDestroyed(await fetchResult(bizId));
  });

  it('adds a decodable image_best for status OK and verify_time in unix seconds when asked', async () => {
    const { bizId, data } = await finishedFlow('passed');
    const r = await fetchResult(bizId, { returnImage: '1', returnVerifyTime: '1' });
    if (r.outcome !== 'ok') throw new Error(JSON.stringify(r));
    expect(r.data.verify_time).toBe(Math.floor(clock / 1000));
    const uri = r.data.images?.image_best ?? '';
    expect(uri).toMatch(/^data:image\/jpeg;base64,/);
    const image = jpeg.decode(Buffer.from(uri.split(',')[1] ?? '', 'base64'));
    expect(image.width).toBeGreaterThan(0);
    const { images: _images, verify_time: _time, request_id: _id, time_used: _used, ...rest } = r.data;
    expect(rest).toEqual(withoutIds(data));

    const cancelled = await finishedFlow('cancelled');
    const c = await fetchResult(cancelled.bizId, { returnImage: '1' });
    expect(c.outcome === 'ok' && c.data).not.toHaveProperty('images');
  });

  it('answers a running flow with its status and no results, without spending a fetch', async () => {
    const r = await issueToken();
    for (let i = 0; i < 4; i++) expect(await fetchResult(r.biz_id)).toMatchObject({ outcome: 'ok', data: { status: 'NOT_STARTED' } });
    await fetch(livenessUrl(sandbox.baseUrl, r.token), { method: 'POST', body: new URLSearchParams({ preset: 'failed' }) });
    for (let i = 0; i < 3; i++) expect(await fetchResult(r.biz_id)).toMatchObject({ outcome: 'ok', data: { status: 'FAILED' } });
    expectDestroyed(await fetchResult(r.biz_id));
  });

  it('keeps a result for one day from the end of the flow', async () => {
    const { bizId } = await finishedFlow('passed');
    clock += DAY_MS - 1000;
    expect((await fetchResult(bizId)).outcome).toBe('ok');
    clock += 1000;
    expectDestroyed(await fetchResult(bizId));
  });

  it('ends a flow nobody finished as TIMEOUT at expiry and counts the day of retention from there', async () => {
    const r = await getToken({
      baseUrl: sandbox.baseUrl,
      apiKey: KEY,
      apiSecret: SECRET,
      params: {
        return_url: `${receiver.url}/r`,
        notify_url: `${receiver.url}/n`,
        biz_no: `gr-${++seq}`,
        comparison_type: '-1',
        uuid: 'customer-1',
        scene_id: 'sandbox-1min',
      },
      photos: {},
    });
    if (r.outcome !== 'issued') throw new Error(JSON.stringify(r));
    clock = r.expired_time * 1000 + DAY_MS - 1000;
    expect(await fetchResult(r.biz_id)).toMatchObject({ outcome: 'ok', data: { status: 'TIMEOUT', biz_info: { biz_id: r.biz_id } } });
    clock += 1000;
    expectDestroyed(await fetchResult(r.biz_id));
  });

  it('refuses missing or wrong credentials, a missing biz_id (biz_no is no alias), a bad switch and an unknown biz_id', async () => {
    const { bizId } = await finishedFlow('passed');
    const raw = async (query: Record<string, string>) => {
      const a = await fetch(`${sandbox.baseUrl}/faceid/lite/get_result?${new URLSearchParams(query)}`);
      return { status: a.status, body: (await a.json()) as Record<string, unknown> };
    };
    expect(await raw({ api_secret: SECRET, biz_id: bizId })).toMatchObject({
      status: 400,
      body: { error_message: 'MISSING_ARGUMENTS: api_key' },
    });
    expect(await raw({ api_key: KEY, biz_id: bizId })).toMatchObject({
      status: 400,
      body: { error_message: 'MISSING_ARGUMENTS: api_secret' },
    });
    expect(await raw({ api_key: KEY, api_secret: 'wrong', biz_id: bizId })).toMatchObject({
      status: 403,
      body: { error: 'AUTHENTICATION_ERROR' },
    });
    expect(await raw({ api_key: KEY, api_secret: SECRET, biz_no: `gr-${seq}` })).toMatchObject({
      status: 400,
      body: { error_message: 'MISSING_ARGUMENTS: biz_id' },
    });
    expect(await raw({ api_key: KEY, api_secret: SECRET, biz_id: bizId, return_image: '2' })).toMatchObject({
      status: 400,
      body: { error_message: 'BAD_ARGUMENTS: return_image' },
    });
    const unknown = await fetchResult('1700000000,00000000-0000-4000-8000-000000000000');
    expect(unknown).toMatchObject({
      outcome: 'failed',
      httpStatus: 400,
      error: { code: 'RESULT_NOT_FOUND', field: 'biz_id', requestId: expect.stringMatching(/^\d{10},/) },
    });
    // None of the refusals above spent a fetch.
    for (let i = 0; i < 3; i++) expect((await fetchResult(bizId)).outcome).toBe('ok');
  });
});

describe('getResult and the secret in its query string', () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
  });
  /** A server that echoes the request line back, as some proxies' error pages do. */
  async function echoing(status: number): Promise<string> {
    const server = createServer((req, res) => {
      res.writeHead(status, { 'Content-Type': 'text/html' });
      const secret = new URL(req.url ?? '/', 'http://proxy.invalid').searchParams.get('api_secret') ?? '';
      res.end(`<html><body>${status} for ${req.url} (secret ${secret}, ${encodeURIComponent(secret)})</body></html>`);
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const forms = [SECRET, encodeURIComponent(SECRET), new URLSearchParams({ s: SECRET }).toString().slice(2)];

  it('never returns the secret, raw or URL-encoded, in any outcome', async () => {
    const silent = createServer(() => undefined);
    servers.push(silent);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const results = [
      await getResult({ baseUrl: await echoing(404), apiKey: KEY, apiSecret: SECRET, bizId: 'b' }),
      await getResult({ baseUrl: await echoing(502), apiKey: KEY, apiSecret: SECRET, bizId: 'b' }),
      await getResult({ baseUrl: await echoing(200), apiKey: KEY, apiSecret: SECRET, bizId: 'b' }),
      await getResult({ baseUrl: silentUrl, apiKey: KEY, apiSecret: SECRET, bizId: 'b', timeoutMs: 200 }),
      await getResult({ baseUrl: 'http://127.0.0.1:1', apiKey: KEY, apiSecret: SECRET, bizId: 'b' }),
      await getResult({ baseUrl: `not a url ${SECRET}`, apiKey: KEY, apiSecret: SECRET, bizId: 'b' }),
      await fetchResult('unknown'),
    ];
    const code = (r: GetResultResult) => (r.outcome === 'ok' ? undefined : r.error.code);
    expect(results.map((r) => [r.outcome, code(r)])).toEqual([
      ['failed', 'UNEXPECTED_RESPONSE'],
      ['unknown', 'UNEXPECTED_RESPONSE'],
      ['unknown', 'UNEXPECTED_RESPONSE'],
      ['unknown', 'TIMEOUT'],
      ['failed', 'NETWORK_ERROR'],
      ['failed', 'NETWORK_ERROR'],
      ['failed', 'RESULT_NOT_FOUND'],
    ]);
    expect(results[0]?.rawBody).toContain('[redacted]');
    for (const r of results) {
      const text = JSON.stringify(r);
      for (const form of forms) expect(text, `${r.outcome} ${code(r)}`).not.toContain(form);
    }
  });
});
