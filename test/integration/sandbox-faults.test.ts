/**
 * Fault injection: each magic uuid and each planned mode makes the real client report the outcome
 * a support agent needs to see, and the plan can be driven in-process and over HTTP.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { livenessUrl } from '../../core/faceid/verification';
import { getToken } from '../../main/faceid/client';
import { getResult } from '../../main/faceid/get-result';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';
import { saidInEnglish } from '../support/messages';

const KEY = 'fault-key';
const SECRET = 'fault-secret';
let sandbox: Sandbox;
let seq = 0;

beforeAll(async () => {
  sandbox = await createSandbox({ apiKey: KEY, apiSecret: SECRET });
});
beforeEach(() => sandbox.faults.clear());
afterAll(() => sandbox.close());

const params = (uuid?: string): Record<string, string> => ({
  return_url: 'https://bank.example/r',
  notify_url: 'https://bank.example/n',
  biz_no: `fault-${++seq}`,
  comparison_type: '-1',
  uuid: uuid ?? `customer-${seq}`,
});
const issue = (uuid?: string, timeoutMs?: number) =>
  getToken({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, params: params(uuid), photos: {}, timeoutMs });
const tokenFor = (bizNo: string) => [...sandbox.tokens.values()].find((t) => t.biz_no === bizNo);

async function endedFlow(): Promise<string> {
  const r = await issue();
  if (r.outcome !== 'issued') throw new Error(JSON.stringify(r));
  await fetch(livenessUrl(sandbox.baseUrl, r.token), {
    method: 'POST',
    body: new URLSearchParams({ preset: 'passed' }),
    redirect: 'manual',
  });
  return r.biz_id;
}
const fetchResult = (bizId: string, timeoutMs?: number) =>
  getResult({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, bizId, timeoutMs });

describe('magic uuid values on get_token', () => {
  it('sandbox:reset drops the connection after reading the request: unknown / CONNECTION_LOST, yet a token exists', async () => {
    const r = await issue('sandbox:reset');
    expect(r).toMatchObject({ outcome: 'unknown', error: { code: 'CONNECTION_LOST' } });
    expect(tokenFor(`fault-${seq}`)).toBeDefined();
  });

  it('sandbox:proxy-502 answers a proxy HTML page: unknown / UNEXPECTED_RESPONSE quoting it, and no token', async () => {
    const r = await issue('sandbox:proxy-502');
    expect(r).toMatchObject({ outcome: 'unknown', error: { code: 'UNEXPECTED_RESPONSE', httpStatus: 502 } });
    expect(r.outcome === 'unknown' && saidInEnglish(r.error)).toContain('<title>502 Bad Gateway</title>');
    expect(r.outcome === 'unknown' && r.rawBody).toContain('nginx');
    expect(tokenFor(`fault-${seq}`)).toBeUndefined();
  });

  it('sandbox:trickle sends a valid answer a few bytes at a time, so a short client timeout trips: unknown / TIMEOUT', async () => {
    const r = await issue('sandbox:trickle', 400);
    expect(r).toMatchObject({ outcome: 'unknown', error: { code: 'TIMEOUT' } });
    expect(r.elapsedMs).toBeGreaterThanOrEqual(390);

    // Underneath: headers at once with the full length, then a trickle of a real JSON answer.
    // multipart/form-data written by hand, as the vendor asks for (a urlencoded body is refused in strict mode).
    const fields = { api_key: KEY, api_secret: SECRET, ...params('sandbox:trickle') };
    const body = `${Object.entries(fields)
      .map(([k, v]) => `--b0undary\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('')}--b0undary--\r\n`;
    const seen = await new Promise<{ length: number; got: number }>((resolve, reject) => {
      const req = request(
        `${sandbox.baseUrl}/faceid/lite/get_token`,
        { method: 'POST', agent: false, headers: { 'Content-Type': 'multipart/form-data; boundary=b0undary' } },
        (res) => {
          let got = 0;
          res.on('data', (c: Buffer) => (got += c.length));
          setTimeout(() => {
            resolve({ length: Number(res.headers['content-length']), got });
            req.destroy();
          }, 300);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(seen.length).toBeGreaterThan(100);
    expect(seen.got).toBeGreaterThan(0);
    expect(seen.got).toBeLessThan(seen.length / 4);
  });

  it('sandbox:latency-<ms> delays the answer and still issues the token', async () => {
    const r = await issue('sandbox:latency-300');
    expect(r.outcome).toBe('issued');
    expect(r.elapsedMs).toBeGreaterThanOrEqual(290);
  });

  it('acts only on a request that passed validation', async () => {
    const r = await getToken({
      baseUrl: sandbox.baseUrl,
      apiKey: KEY,
      apiSecret: SECRET,
      params: { ...params('sandbox:reset'), comparison_type: '7' },
      photos: {},
    });
    expect(r).toMatchObject({ outcome: 'failed', httpStatus: 400, error: { serviceMessage: 'BAD_ARGUMENTS: comparison_type' } });
  });
});

describe('fault plans', () => {
  it('apply to the next N get_token and get_result calls, then clear themselves', async () => {
    const bizId = await endedFlow();
    sandbox.faults.set({ mode: 'concurrency', remaining: 2 });
    expect(sandbox.faults.get()).toEqual({ mode: 'concurrency', remaining: 2 });
    expect(await issue()).toMatchObject({
      outcome: 'failed',
      httpStatus: 403,
      error: { code: 'CONCURRENCY_LIMIT_EXCEEDED', retryable: true },
    });
    expect(await fetchResult(bizId)).toMatchObject({ outcome: 'failed', httpStatus: 403, error: { code: 'CONCURRENCY_LIMIT_EXCEEDED' } });
    expect(sandbox.faults.get()).toBeNull();
    expect((await issue()).outcome).toBe('issued');
    // The refused get_result spent no fetch: three remain.
    for (let i = 0; i < 3; i++) expect((await fetchResult(bizId)).outcome).toBe('ok');
  });

  it('reset on get_result loses the answer after the fetch was counted', async () => {
    const bizId = await endedFlow();
    sandbox.faults.set({ mode: 'reset' });
    expect(await fetchResult(bizId)).toMatchObject({ outcome: 'unknown', error: { code: 'CONNECTION_LOST' } });
    expect((await fetchResult(bizId)).outcome).toBe('ok');
    expect((await fetchResult(bizId)).outcome).toBe('ok');
    expect(await fetchResult(bizId)).toMatchObject({ outcome: 'failed', error: { code: 'DATA_DESTROYED' } });
  });

  it('proxy-502, trickle and latency on get_result give the documented outcomes', async () => {
    const bizId = await endedFlow();
    sandbox.faults.set({ mode: 'proxy-502' });
    expect(await fetchResult(bizId)).toMatchObject({ outcome: 'unknown', error: { code: 'UNEXPECTED_RESPONSE', httpStatus: 502 } });
    sandbox.faults.set({ mode: 'trickle' });
    expect(await fetchResult(bizId, 300)).toMatchObject({ outcome: 'unknown', error: { code: 'TIMEOUT' } });
    sandbox.faults.set({ latencyMs: 250 });
    const slow = await fetchResult(bizId);
    expect(slow.outcome).toBe('ok');
    expect(slow.elapsedMs).toBeGreaterThanOrEqual(240);
  });

  it('keep to the operation they name', async () => {
    const bizId = await endedFlow();
    sandbox.faults.set({ mode: 'concurrency', operation: 'get_result' });
    expect((await issue()).outcome).toBe('issued');
    expect(sandbox.faults.get()).toEqual({ mode: 'concurrency', operation: 'get_result', remaining: 1 });
    expect(await fetchResult(bizId)).toMatchObject({ outcome: 'failed', error: { code: 'CONCURRENCY_LIMIT_EXCEEDED' } });
    sandbox.faults.set({ mode: 'concurrency', operation: 'get_token' });
    expect((await fetchResult(bizId)).outcome).toBe('ok');
    expect(await issue()).toMatchObject({ outcome: 'failed', error: { code: 'CONCURRENCY_LIMIT_EXCEEDED' } });
    expect(sandbox.faults.get()).toBeNull();
  });

  it('pass over get_result calls the console makes in the background', async () => {
    const bizId = await endedFlow();
    sandbox.faults.set({ mode: 'proxy-502' });
    const background = await sandbox.inBackground(bizId, () => fetchResult(bizId));
    expect(background.outcome).toBe('ok');
    expect(sandbox.faults.get()).toEqual({ mode: 'proxy-502', remaining: 1 });
    // Only while the task runs, and only for that biz_id.
    expect(await fetchResult(bizId)).toMatchObject({ outcome: 'unknown', error: { httpStatus: 502 } });
  });

  it('refuses a bad plan in-process with the field named', () => {
    expect(() => sandbox.faults.set({ latencyMs: 40_000 })).toThrow(/latencyMs/);
    expect(() => sandbox.faults.set({ mode: 'nope' as 'reset' })).toThrow(/mode must be one of reset, proxy-502, trickle, concurrency/);
    expect(() => sandbox.faults.set({ remaining: 0 })).toThrow(/remaining/);
    expect(() => sandbox.faults.set({ operation: 'do' as 'get_token' })).toThrow(/operation must be one of get_token, get_result/);
    expect(() => sandbox.faults.set({ when: 1 } as never)).toThrow(/Unknown fault plan field "when"/);
    expect(sandbox.faults.get()).toBeNull();
  });

  it('can be read, set and cleared over HTTP at /sandbox/faults', async () => {
    const at = `${sandbox.baseUrl}/sandbox/faults`;
    const put = (body: string) => fetch(at, { method: 'PUT', body, headers: { 'Content-Type': 'application/json' } });
    expect(await (await fetch(at)).json()).toEqual({ faults: null });
    const bad = await put(JSON.stringify({ mode: 'explode' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^mode must be one of/);
    expect((await put('{not json')).status).toBe(400);
    const ok = await put(JSON.stringify({ latencyMs: 10, mode: 'reset', remaining: 3 }));
    expect(await ok.json()).toEqual({ faults: { latencyMs: 10, mode: 'reset', remaining: 3 } });
    expect(sandbox.faults.get()).toEqual({ latencyMs: 10, mode: 'reset', remaining: 3 });
    expect(await (await fetch(at, { method: 'DELETE' })).json()).toEqual({ faults: null });
    expect(sandbox.faults.get()).toBeNull();
    expect((await fetch(at, { method: 'POST' })).status).toBe(405);
  });
});
