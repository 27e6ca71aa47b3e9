/**
 * The in-person verification loop end to end over loopback HTTP: a token from the real client,
 * the sandbox's liveness page opened and submitted like a browser, the signed notify_url POST
 * and the return_url hand-off arriving at a real receiver.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livenessUrl, type VerificationData } from '../../core/faceid/verification';
import { getToken } from '../../main/faceid/client';
import { getResult } from '../../main/faceid/get-result';
import { verifyCallbackSignature } from '../../main/faceid/signature';
import { createSandbox, type FlowEndedEvent, type Sandbox } from '../../main/sandbox/server';
import { hiddenValue, htmlDecode, startReceiver, type CallbackReceiver } from '../support/callback-receiver';

const KEY = 'loop-key';
const SECRET = 'loop-secret';
const face = new Uint8Array(readFileSync('test/fixtures/face.jpg'));
const photo = { bytes: face, filename: 'face.jpg', contentType: 'image/jpeg' };
const START = Date.UTC(2025, 0, 15, 9, 0, 0);

let clock = START;
let sandbox: Sandbox;
let receiver: CallbackReceiver;
let seq = 0;

beforeAll(async () => {
  sandbox = await createSandbox({
    apiKey: KEY,
    apiSecret: SECRET,
    now: () => clock,
    callbackPortCheck: false,
    notifyRetryDelaysMs: [50, 50],
  });
  receiver = await startReceiver();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

/** Issues a token with the real client; notify_url and return_url point at the receiver. */
async function issue(params: Record<string, string> = {}, photos: Parameters<typeof getToken>[0]['photos'] = {}) {
  const biz_no = `loop-${++seq}`;
  const r = await getToken({
    baseUrl: sandbox.baseUrl,
    apiKey: KEY,
    apiSecret: SECRET,
    params: {
      return_url: `${receiver.url}/return?shop=7`,
      notify_url: `${receiver.url}/notify`,
      biz_no,
      comparison_type: '-1',
      uuid: 'customer-1',
      biz_extra_data: `extra ${seq}`,
      ...params,
    },
    photos,
  });
  if (r.outcome !== 'issued') throw new Error(`no token: ${JSON.stringify(r)}`);
  return { ...r, biz_no, doUrl: livenessUrl(sandbox.baseUrl, r.token) };
}

const submit = (doUrl: string, fields: Record<string, string>) =>
  fetch(doUrl, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
const notifies = () => receiver.received.filter((c) => c.path === '/notify');
const dataOf = (form: URLSearchParams) => JSON.parse(form.get('data') ?? '{}') as VerificationData;
/** The notify for a biz_id, once it arrived (bounded wait). */
async function notifyFor(bizId: string) {
  const find = () => notifies().find((n) => dataOf(n.form).biz_info?.biz_id === bizId);
  const deadline = Date.now() + 5000;
  while (!find() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  const c = find();
  if (!c) throw new Error(`no notify for ${bizId}`);
  return c;
}

describe('liveness page', () => {
  it('shows what the token asked for and moves the flow from NOT_STARTED to PROCESSING', async () => {
    const t = await issue({ uuid: 'customer-42', procedure_type: 'still' });
    const before = await getResult({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, bizId: t.biz_id });
    expect(before).toMatchObject({ outcome: 'ok', data: { status: 'NOT_STARTED', biz_info: { biz_id: t.biz_id, biz_no: t.biz_no } } });
    const page = await fetch(t.doUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    for (const shown of [t.biz_no, t.biz_id, 'customer-42', 'still', 'liveness only']) expect(html).toContain(shown);
    expect(html).not.toMatch(/<(link|img|script)\b[^>]*(src|href)=/);
    const during = await getResult({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, bizId: t.biz_id });
    expect(during.outcome === 'ok' && during.data).toEqual({
      status: 'PROCESSING',
      biz_info: { biz_id: t.biz_id, biz_no: t.biz_no, biz_extra_data: `extra ${seq}` },
      request_id: expect.any(String),
      time_used: expect.any(Number),
    });
  });

  it('labels every control and offers only the presets and fields that mean something for the token', async () => {
    const compared = await issue(
      { comparison_type: '0', uuid: 'c-1', get_fail_reason: '1', get_shooting_error: '1', return_multifaces_tag: '1' },
      { image_ref1: photo, image_ref2: photo },
    );
    const full = await (await fetch(compared.doUrl)).text();
    const ids = [...full.matchAll(/<input [^>]*id="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(ids).toEqual(
      expect.arrayContaining([
        'status-OK',
        'liveness_result-FAIL',
        'fail_reason-NETWORK_ERROR',
        'confidence_image_ref1',
        'confidence_image_ref2',
        'mask_confidence',
        'shooting_error',
        'multiple_faces',
      ]),
    );
    for (const id of ids) expect(full, `label for ${id}`).toContain(`<label for="${id}">`);
    expect(full).toContain('value="no-match"');

    const plain = await (await fetch((await issue()).doUrl)).text();
    for (const absent of ['confidence_image_ref1', 'fail_reason-', 'id="shooting_error"', 'id="multiple_faces"', 'value="no-match"'])
      expect(plain).not.toContain(absent);
    for (const preset of ['Passed', 'Liveness failed', 'Cancelled', 'Timed out', 'Camera denied'])
      expect(plain).toContain(`>${preset}</button>`);
  });
});

describe('ending a flow', () => {
  it('signs the "Passed" result, POSTs it to notify_url and hands the browser a form for return_url', async () => {
    const t = await issue();
    await fetch(t.doUrl);
    const answer = await submit(t.doUrl, { preset: 'passed' });
    expect(answer.status).toBe(200);
    const html = await answer.text();

    const notify = await notifyFor(t.biz_id);
    expect(notify.method).toBe('POST');
    expect(notify.contentType).toBe('application/x-www-form-urlencoded');
    const data = notify.form.get('data') ?? '';
    const sign = notify.form.get('sign') ?? '';
    expect(verifyCallbackSignature(SECRET, data, sign)).toBe(true);
    expect(verifyCallbackSignature(SECRET, data.replace('"PASS"', '"PASs"'), sign)).toBe(false);
    expect(verifyCallbackSignature(SECRET, data, `${sign.slice(0, -1)}${sign.endsWith('0') ? '1' : '0'}`)).toBe(false);
    expect(verifyCallbackSignature('another-secret', data, sign)).toBe(false);
    const parsed = JSON.parse(data) as VerificationData;
    expect(parsed).toMatchObject({
      status: 'OK',
      biz_info: { biz_id: t.biz_id, biz_no: t.biz_no, biz_extra_data: `extra ${seq}` },
      liveness_result: {
        result: 'PASS',
        procedure_type: 'flash',
        details: { UPLOAD_TIMES: 1, FACE_NOT_FOUND: 0 },
        face_genuineness: { mask_threshold: 0.5 },
      },
      verify_result: null,
      request_id: expect.stringMatching(/^\d{10},/),
      time_used: expect.any(Number),
    });

    // The browser's side: the same data and sign, in a form aimed at return_url.
    expect(htmlDecode(/<form id="return" method="post" action="([^"]+)"/.exec(html)?.[1] ?? '')).toBe(`${receiver.url}/return?shop=7`);
    expect(hiddenValue(html, 'data')).toBe(data);
    expect(hiddenValue(html, 'sign')).toBe(sign);
    expect(html).toContain('<button type="submit">Continue</button>');
    expect(html).toContain('.submit();</script>');
    await fetch(`${receiver.url}/return?shop=7`, {
      method: 'POST',
      body: new URLSearchParams({ data: hiddenValue(html, 'data') ?? '', sign: hiddenValue(html, 'sign') ?? '' }),
    });
    const returned = receiver.received.filter((c) => c.path === '/return').at(-1);
    expect(returned && verifyCallbackSignature(SECRET, returned.form.get('data') ?? '', returned.form.get('sign') ?? '')).toBe(true);

    const logged = sandbox.callbackLog.filter((e) => e.data === data);
    expect(logged.map((e) => [e.kind, e.method, e.attempt, e.status])).toEqual(
      expect.arrayContaining([
        ['notify', 'POST', 1, 200],
        ['return', 'POST', 1, undefined],
      ]),
    );
    expect(logged.find((e) => e.kind === 'notify')).toMatchObject({
      url: `${receiver.url}/notify`,
      sign,
      latencyMs: expect.any(Number),
      at: clock,
    });
  });

  it('with action_http_method=GET redirects the browser to return_url with biz_id, data and sign', async () => {
    const t = await issue({ action_http_method: 'get' });
    const answer = await submit(t.doUrl, { preset: 'cancelled' });
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${receiver.url}/return`);
    expect(location.searchParams.get('shop')).toBe('7');
    expect(location.searchParams.get('biz_id')).toBe(t.biz_id);
    await fetch(location);
    const returned = receiver.received.filter((c) => c.method === 'GET' && c.query.get('biz_id') === t.biz_id);
    expect(returned).toHaveLength(1);
    const data = returned[0]?.query.get('data') ?? '';
    expect(verifyCallbackSignature(SECRET, data, returned[0]?.query.get('sign') ?? '')).toBe(true);
    expect(JSON.parse(data)).toEqual({
      request_id: expect.any(String),
      status: 'CANCELLED',
      biz_info: { biz_id: t.biz_id, biz_no: t.biz_no, biz_extra_data: `extra ${seq}` },
      time_used: expect.any(Number),
    });
    expect(sandbox.callbackLog.filter((e) => e.kind === 'return' && e.data === data)).toEqual([
      expect.objectContaining({ method: 'GET', url: `${receiver.url}/return?shop=7`, attempt: 1 }),
    ]);
  });

  it('reports a confidence with its thresholds for each uploaded reference photo', async () => {
    const t = await issue({ comparison_type: '0', uuid: 'c-2' }, { image_ref1: photo, image_ref2: photo });
    await submit(t.doUrl, {
      status: 'OK',
      liveness_result: 'PASS',
      confidence_image_ref1: '72.5',
      confidence_image_ref2: '55',
      synthetic_face_confidence: '0.1',
      mask_confidence: '0.2',
      screen_replay_confidence: '0.3',
    });
    const r = await getResult({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, bizId: t.biz_id });
    expect(r.outcome).toBe('ok');
    if (r.outcome !== 'ok') return;
    const result = r.data;
    const thresholds = { '1e-3': 64, '1e-4': 69, '1e-5': 74, '1e-6': 79.9 };
    expect(result.verify_result).toEqual({
      error_message: null,
      result_ref1: { confidence: 72.5, thresholds },
      result_ref2: { confidence: 55, thresholds },
    });
    expect(result.liveness_result?.face_genuineness).toEqual({
      synthetic_face_confidence: 0.1,
      synthetic_face_threshold: 0.5,
      mask_confidence: 0.2,
      mask_threshold: 0.5,
      screen_replay_confidence: 0.3,
      screen_replay_threshold: 0.5,
    });
  });

  it('turns PASS into FAIL for a suspected screen replay with fmp_mode=0, and only reports the score with fmp_mode=1', async () => {
    const results: VerificationData[] = [];
    for (const fmp_mode of ['0', '1']) {
      const t = await issue({ fmp_mode, comparison_type: '0', uuid: 'c-3' }, { image_ref1: photo });
      await submit(t.doUrl, { preset: 'screen-replay' });
      const r = await getResult({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, bizId: t.biz_id });
      if (r.outcome === 'ok') results.push(r.data);
    }
    expect(results.map((d) => d.liveness_result?.result)).toEqual(['FAIL', 'PASS']);
    expect(results.map((d) => d.liveness_result?.face_genuineness?.screen_replay_confidence)).toEqual([0.93, 0.93]);
    expect(results[0]?.verify_result).toBeNull();
    expect(results[1]?.verify_result?.result_ref1?.confidence).toBe(85.312);
  });

  it('includes fail_reason, shooting_error and multiple_faces only when the token asked for them', async () => {
    const asked = await issue({ get_fail_reason: '1', get_shooting_error: '1', return_multifaces_tag: '1' });
    const silent = await issue();
    const outcome = { status: 'WEBRTC_UNSUPPORTED', fail_reason: 'NETWORK_ERROR', shooting_error: '1', multiple_faces: '1' };
    const read = async (bizId: string) => {
      const r = await getResult({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, bizId });
      if (r.outcome !== 'ok') throw new Error(JSON.stringify(r));
      return r.data;
    };
    await submit(asked.doUrl, outcome);
    await submit(silent.doUrl, outcome);
    expect(await read(asked.biz_id)).toMatchObject({
      status: 'WEBRTC_UNSUPPORTED',
      fail_reason: 'NETWORK_ERROR',
      shooting_error: true,
      multiple_faces: true,
    });
    const plain = await read(silent.biz_id);
    expect(plain.status).toBe('WEBRTC_UNSUPPORTED');
    for (const key of ['fail_reason', 'shooting_error', 'multiple_faces', 'liveness_result', 'verify_result'])
      expect(plain, key).not.toHaveProperty(key);
  });

  it('answers an unreadable outcome with a 400 page and keeps the flow running', async () => {
    const t = await issue();
    const bad = await submit(t.doUrl, { status: 'MAYBE' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('status must be one of OK, FAILED, CANCELLED, TIMEOUT, WEBRTC_UNSUPPORTED, not &quot;MAYBE&quot;.');
    const outOfRange = await submit(t.doUrl, { status: 'OK', mask_confidence: '7' });
    expect(outOfRange.status).toBe(400);
    expect((await fetch(t.doUrl)).status).toBe(200);
  });

  it('tells in-process listeners when a flow ends, until they unsubscribe', async () => {
    const events: FlowEndedEvent[] = [];
    const unsubscribe = sandbox.onFlowEnded((e) => events.push(e));
    const first = await issue();
    await submit(first.doUrl, { preset: 'timeout' });
    unsubscribe();
    await submit((await issue()).doUrl, { preset: 'passed' });
    expect(events).toEqual([{ biz_id: first.biz_id, token: first.token, status: 'TIMEOUT' }]);
  });
});

describe('tokens that cannot be used', () => {
  const expectInvalid = async (answer: Response, why: string) => {
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await answer.text();
    expect(html).toContain('<strong>INVALID_TOKEN</strong>');
    expect(html).toContain(`: ${why} —`);
  };

  it('shows an INVALID_TOKEN page naming "used" for a token whose flow ended, and sends no second callback', async () => {
    const t = await issue();
    await submit(t.doUrl, { preset: 'passed' });
    const ours = () => notifies().filter((n) => dataOf(n.form).biz_info?.biz_id === t.biz_id);
    await notifyFor(t.biz_id);
    await expectInvalid(await fetch(t.doUrl), 'used');
    await expectInvalid(await submit(t.doUrl, { preset: 'passed' }), 'used');
    await new Promise((r) => setTimeout(r, 100));
    expect(ours()).toHaveLength(1);
  });

  it('shows an INVALID_TOKEN page naming "expired" after expired_time, and ends the flow as TIMEOUT with a notify', async () => {
    const t = await issue({ scene_id: 'sandbox-1min' });
    await fetch(t.doUrl);
    clock += 61_000;
    await expectInvalid(await fetch(t.doUrl), 'expired');
    const r = await getResult({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, bizId: t.biz_id });
    expect(r).toMatchObject({ outcome: 'ok', data: { status: 'TIMEOUT', biz_info: { biz_id: t.biz_id } } });
    expect(r.outcome === 'ok' && r.data.liveness_result).toBeUndefined();
    const notify = await notifyFor(t.biz_id);
    expect(verifyCallbackSignature(SECRET, notify.form.get('data') ?? '', notify.form.get('sign') ?? '')).toBe(true);
    expect(dataOf(notify.form).status).toBe('TIMEOUT');
  });

  it('shows an INVALID_TOKEN page naming "unknown" for a token the sandbox never issued', async () => {
    await expectInvalid(await fetch(livenessUrl(sandbox.baseUrl, 'f'.repeat(32))), 'unknown');
    await expectInvalid(await fetch(`${sandbox.baseUrl}/faceid/lite/do`), 'unknown');
  });
});
