/**
 * The client's record of an exchange against the real sandbox over loopback: the request line with
 * its path, the response headers as received, and the phase timings measured from the socket's and
 * the request's events — with a latency fault, waiting for the service is the phase that dominates.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TIMING_PHASES } from '../../core/faceid/exchange-record';
import { getToken } from '../../main/faceid/client';
import { phaseTimings } from '../../main/faceid/exchange';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';

const KEY = 'timing-key';
const SECRET = 'timing-secret-CANARY';
let sandbox: Sandbox;
let seq = 0;

beforeAll(async () => {
  sandbox = await createSandbox({ apiKey: KEY, apiSecret: SECRET });
});
beforeEach(() => sandbox.faults.clear());
afterAll(() => sandbox.close());

const issue = (uuid = `timing-customer-${seq}`) =>
  getToken({
    baseUrl: sandbox.baseUrl,
    apiKey: KEY,
    apiSecret: SECRET,
    params: {
      return_url: 'https://bank.example/r',
      notify_url: 'https://bank.example/n',
      biz_no: `timing-${++seq}`,
      comparison_type: '-1',
      uuid,
    },
    photos: {},
  });

describe('the exchange as the client saw it', () => {
  it('records the request line with its path, the request headers and the response headers as received', async () => {
    const r = await issue();
    expect(r.outcome).toBe('issued');
    const x = r.exchange;
    expect(x?.requestLine).toBe('POST /faceid/lite/get_token HTTP/1.1');
    expect(x?.host).toBe(new URL(sandbox.baseUrl).host);
    expect(x?.httpVersion).toBe('1.1');
    const response = new Map(x?.responseHeaders.map(([k, v]) => [k.toLowerCase(), v]));
    expect(response.get('content-type')).toMatch(/application\/json/);
    expect(response.has('date') || response.has('connection')).toBe(true);
    const request = new Map(x?.requestHeaders.map(([k, v]) => [k.toLowerCase(), v]));
    expect(request.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(JSON.stringify(x)).not.toContain(SECRET);
  });

  it('with 600 ms of latency the wait phase dominates and the phases add up to the whole call', async () => {
    sandbox.faults.set({ latencyMs: 600, operation: 'get_token' });
    const r = await issue();
    expect(r.outcome).toBe('issued');
    const t = r.exchange?.timings;
    if (!t) throw new Error('no timings recorded');
    for (const phase of ['connectMs', 'uploadMs', 'waitMs', 'downloadMs'] as const) expect(t[phase], phase).toBeGreaterThanOrEqual(0);
    expect(t.tlsMs).toBeUndefined(); // plain http on loopback: no handshake
    expect(t.waitMs).toBeGreaterThanOrEqual(590);
    const others = (t.connectMs ?? 0) + (t.uploadMs ?? 0) + (t.downloadMs ?? 0);
    expect(t.waitMs ?? 0).toBeGreaterThan(5 * others);
    const sum = TIMING_PHASES.reduce((s, p) => s + (t[p] ?? 0), 0);
    expect(Math.abs(sum - t.totalMs)).toBeLessThanOrEqual(1);
  });

  it('an answer that does not come in time is an unknown outcome whose timings stop at the wait', async () => {
    sandbox.faults.set({ latencyMs: 2_000, operation: 'get_token' });
    const r = await getToken({
      baseUrl: sandbox.baseUrl,
      apiKey: KEY,
      apiSecret: SECRET,
      params: {
        return_url: 'https://bank.example/r',
        notify_url: 'https://bank.example/n',
        biz_no: `timing-${++seq}`,
        comparison_type: '-1',
        uuid: 'c',
      },
      photos: {},
      timeoutMs: 300,
    });
    expect(r).toMatchObject({ outcome: 'unknown', error: { code: 'TIMEOUT' } });
    const t = r.exchange?.timings;
    expect(t?.uploadMs).toBeGreaterThanOrEqual(0);
    expect(t?.waitMs).toBeUndefined();
    expect(t?.totalMs).toBeGreaterThanOrEqual(290);
    expect(r.exchange?.responseHeaders).toEqual([]);
  });
});

describe('phaseTimings', () => {
  it('starts the upload when the socket is up, even if node reported the body finished earlier (buffered)', () => {
    expect(phaseTimings({ start: 0, connected: 5, sent: 2, headers: 50, end: 52 })).toEqual({
      totalMs: 52,
      connectMs: 5,
      uploadMs: 0,
      waitMs: 45,
      downloadMs: 2,
    });
  });

  it('splits TLS from connecting for https', () => {
    expect(phaseTimings({ start: 0, connected: 3, secured: 10, sent: 12, headers: 20, end: 21 })).toEqual({
      totalMs: 21,
      connectMs: 3,
      tlsMs: 7,
      uploadMs: 2,
      waitMs: 8,
      downloadMs: 1,
    });
  });

  it('leaves out the phases a call that never connected did not reach', () => {
    expect(phaseTimings({ start: 0, end: 30 })).toEqual({ totalMs: 30 });
  });
});
