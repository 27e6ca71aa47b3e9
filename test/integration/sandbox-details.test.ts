/**
 * liveness_result.details through the real sandbox: per-procedure counters in the callbacks and
 * in get_result, with defaults per preset and the tester's own values from the custom outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livenessUrl, type VerificationData } from '../../core/faceid/verification';
import { getToken } from '../../main/faceid/client';
import { getResult } from '../../main/faceid/get-result';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';

const KEY = 'det-key';
const SECRET = 'det-secret';
let sandbox: Sandbox;
let seq = 0;

beforeAll(async () => {
  sandbox = await createSandbox({ apiKey: KEY, apiSecret: SECRET, notifyRetryDelaysMs: [] });
});
afterAll(() => sandbox.close());

/** Issues a liveness-only token, ends its flow with `fields`, and returns the callbacks' data and get_result's. */
async function finish(
  procedure: string | undefined,
  fields: Record<string, string>,
): Promise<{ data: VerificationData; fetched: VerificationData }> {
  const params: Record<string, string> = {
    return_url: 'https://bank.example/r',
    notify_url: 'https://bank.example/n',
    biz_no: `det-${++seq}`,
    comparison_type: '-1',
    uuid: 'customer-1',
  };
  if (procedure) params.procedure_type = procedure;
  const r = await getToken({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, params, photos: {} });
  if (r.outcome !== 'issued') throw new Error(JSON.stringify(r));
  const page = await fetch(livenessUrl(sandbox.baseUrl, r.token), {
    method: 'POST',
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
  expect(page.status, await page.clone().text()).toBe(200);
  const handed = sandbox.callbackLog.find((e) => e.kind === 'return' && e.data.includes(r.biz_id));
  if (!handed) throw new Error('the flow did not end');
  const got = await getResult({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, bizId: r.biz_id });
  if (got.outcome !== 'ok') throw new Error(JSON.stringify(got));
  return { data: JSON.parse(handed.data) as VerificationData, fetched: got.data };
}

const VIDEO_KEYS = [
  'UPLOAD_TIMES',
  'FACE_NOT_FOUND',
  'LOW_FACE_QUALITY',
  'INVALID_VIDEO_DURATION',
  'SR_ERROR',
  'NOT_SYNCHRONIZED',
  'NO_AUDIO',
  'VIDEO_FORMAT_UNSUPPORTED',
  'VIDEO_FACE_INCONSISTENT',
];

describe('liveness_result.details', () => {
  it('reports the video counters for procedure_type=video: one upload, nothing refused, on a pass', async () => {
    const { data, fetched } = await finish('video', { preset: 'passed' });
    const details = data.liveness_result?.details ?? {};
    expect(Object.keys(details).sort()).toEqual([...VIDEO_KEYS].sort());
    expect(details).toMatchObject({ UPLOAD_TIMES: 1, FACE_NOT_FOUND: 0, SR_ERROR: 0, NO_AUDIO: 0 });
    expect(fetched.liveness_result?.details).toEqual(details);
  });

  it('gives a liveness FAIL preset a non-zero failing counter', async () => {
    for (const procedure of ['video', 'flash', undefined]) {
      const { data } = await finish(procedure, { preset: 'liveness-failed' });
      expect(data.liveness_result?.result).toBe('FAIL');
      expect(data.liveness_result?.details, String(procedure)).toMatchObject({ UPLOAD_TIMES: 3, FACE_NOT_FOUND: 3 });
    }
  });

  it('reports face_front and face_side counters for procedure_type=selfie', async () => {
    const { data } = await finish('selfie', { preset: 'liveness-failed' });
    const details = data.liveness_result?.details as Record<string, Record<string, number>>;
    expect(Object.keys(details).sort()).toEqual(['face_front', 'face_side']);
    expect(details.face_front).toMatchObject({ FACE_UPLOAD_TIMES: 3, FACE_NOT_FOUND: 3, FACE_NOT_FRONT: 0, FACE_BLURRED: 0 });
    expect(details.face_side).toMatchObject({ FACE_UPLOAD_TIMES: 3, FACE_NOT_SIDE: 0 });
    expect(details.face_side).not.toHaveProperty('FACE_NOT_FRONT');
  });

  it('reports the silent-video counters (inferred) for flash, still and distance, without the speech ones', async () => {
    for (const procedure of ['flash', 'still', 'distance']) {
      const { data } = await finish(procedure, { preset: 'passed' });
      const details = data.liveness_result?.details ?? {};
      expect(details, procedure).toMatchObject({ UPLOAD_TIMES: 1, FACE_NOT_FOUND: 0, LOW_FACE_QUALITY: 0 });
      for (const speech of ['SR_ERROR', 'NOT_SYNCHRONIZED', 'NO_AUDIO']) expect(details, procedure).not.toHaveProperty(speech);
    }
  });

  it('takes the counters the tester types into the custom outcome, defaults for the empty ones', async () => {
    const { data } = await finish('video', {
      status: 'OK',
      liveness_result: 'FAIL',
      details_UPLOAD_TIMES: '2',
      details_SR_ERROR: '2',
      details_FACE_NOT_FOUND: '',
    });
    expect(data.liveness_result?.details).toMatchObject({ UPLOAD_TIMES: 2, SR_ERROR: 2, FACE_NOT_FOUND: 3, NO_AUDIO: 0 });
    const selfie = await finish('selfie', { status: 'OK', liveness_result: 'PASS', details_face_side_FACE_POOR_LIGHT: '1' });
    expect(selfie.data.liveness_result?.details).toMatchObject({
      face_front: { FACE_UPLOAD_TIMES: 1, FACE_POOR_LIGHT: 0 },
      face_side: { FACE_UPLOAD_TIMES: 1, FACE_POOR_LIGHT: 1 },
    });
  });

  it('refuses a counter that is not a whole number from 0 to 99, naming the field, and keeps the flow running', async () => {
    const r = await getToken({
      baseUrl: sandbox.baseUrl,
      apiKey: KEY,
      apiSecret: SECRET,
      params: {
        return_url: 'https://bank.example/r',
        notify_url: 'https://bank.example/n',
        biz_no: `det-${++seq}`,
        comparison_type: '-1',
        uuid: 'u',
        procedure_type: 'video',
      },
      photos: {},
    });
    if (r.outcome !== 'issued') throw new Error(JSON.stringify(r));
    for (const bad of ['-1', '100', '1.5', 'many']) {
      const page = await fetch(livenessUrl(sandbox.baseUrl, r.token), {
        method: 'POST',
        body: new URLSearchParams({ status: 'OK', details_SR_ERROR: bad }),
        redirect: 'manual',
      });
      expect(page.status).toBe(400);
      expect(await page.text()).toContain(`details_SR_ERROR must be a whole number from 0 to 99, not &quot;${bad}&quot;.`);
    }
    expect(sandbox.tokens.get(r.token)?.used).toBe(false);
  });

  it("shows a labelled field for every counter of the token's procedure on the liveness page", async () => {
    const r = await getToken({
      baseUrl: sandbox.baseUrl,
      apiKey: KEY,
      apiSecret: SECRET,
      params: {
        return_url: 'https://bank.example/r',
        notify_url: 'https://bank.example/n',
        biz_no: `det-${++seq}`,
        comparison_type: '-1',
        uuid: 'u',
        procedure_type: 'still',
      },
      photos: {},
    });
    if (r.outcome !== 'issued') throw new Error(JSON.stringify(r));
    const html = await (await fetch(livenessUrl(sandbox.baseUrl, r.token))).text();
    expect(html).toContain('<label for="details_UPLOAD_TIMES">details.UPLOAD_TIMES</label>');
    expect(html).toContain('The vendor documents no keys for still');
    expect(html).not.toContain('details_SR_ERROR');
  });
});
