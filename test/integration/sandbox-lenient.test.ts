/**
 * Strict and lenient sandbox through the real client: lenient accepts exactly what the vendor has
 * not ruled out (derived from the catalogue's openValues, range and ports), answers as for the
 * nearest documented value and logs it; strict keeps refusing; both refuse what the vendor rules
 * out. Also the encoding the vendor asks for (form-data) and get_result's open return_image.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PARAMS, type ParamSpec } from '../../core/faceid/catalogue';
import { getToken, type GetTokenResult } from '../../main/faceid/client';
import { getResult } from '../../main/faceid/get-result';
import { nearestListedValue } from '../../main/sandbox/arguments';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';

const KEY = 'len-key';
const SECRET = 'len-secret';
const SPECS = (PARAMS as readonly ParamSpec[]).filter((s) => s.group !== 'credential' && s.kind !== 'file');
let sandbox: Sandbox;
let seq = 0;

beforeAll(async () => {
  sandbox = await createSandbox({ apiKey: KEY, apiSecret: SECRET, lenient: true, notifyRetryDelaysMs: [] });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.setLenient(true));

const valid = (): Record<string, string> => ({
  return_url: 'https://bank.example/r',
  notify_url: 'https://bank.example/n',
  biz_no: `len-${++seq}`,
  comparison_type: '-1',
  uuid: 'customer-1',
});
const send = (over: Record<string, string>): Promise<GetTokenResult> =>
  getToken({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, params: { ...valid(), ...over }, photos: {} });
const issued = async (over: Record<string, string>) => {
  const r = await send(over);
  if (r.outcome !== 'issued') throw new Error(`${JSON.stringify(over)}: ${JSON.stringify(r)}`);
  return { ...r, kept: sandbox.tokens.get(r.token) };
};
const refusedAs = async (over: Record<string, string>, message: string) => {
  const r = await send(over);
  expect(r.outcome === 'failed' && r.error.serviceMessage, JSON.stringify(over)).toBe(message);
};
const lastTrusted = () => sandbox.trustLog.at(-1);

/** A value the vendor has not ruled out for each open parameter, as the catalogue describes it. */
function openCases(): { param: string; value: string }[] {
  const cases: { param: string; value: string }[] = [];
  for (const spec of SPECS) {
    if (spec.kind === 'enum' && spec.openValues) cases.push({ param: spec.name, value: 'not-listed' }, { param: spec.name, value: '7' });
    if (spec.kind === 'integer' && spec.range)
      cases.push({ param: spec.name, value: String(spec.range.min - 1) }, { param: spec.name, value: String(spec.range.max + 1) });
    if (spec.ports)
      cases.push({ param: spec.name, value: 'https://bank.example:8443/n' }, { param: spec.name, value: 'http://bank.example/n' });
  }
  cases.push({ param: 'return_url', value: 'bankapp://verified?x=1' });
  return cases;
}

describe('lenient mode', () => {
  it('accepts every value the catalogue leaves open, answering as for the nearest documented value', async () => {
    const cases = openCases();
    expect(cases.length).toBeGreaterThan(12);
    for (const { param, value } of cases) {
      const { kept, biz_id } = await issued({ [param]: value });
      const spec = SPECS.find((s) => s.name === param) as ParamSpec;
      const expected =
        spec.kind === 'enum'
          ? nearestListedValue(spec, value)
          : spec.kind === 'integer'
            ? String(Math.min(Math.max(Number(value), spec.range?.min ?? 0), spec.range?.max ?? 0))
            : value;
      expect(kept?.params[param], `${param}=${value}`).toBe(expected);
      expect(kept?.trusted.find((t) => t.param === param)).toMatchObject({ value, accepted: true });
      expect(lastTrusted()).toMatchObject({ endpoint: 'get_token', param, value, accepted: true, biz_no: kept?.biz_no });
      expect(biz_id).toMatch(/^\d{10},/);
    }
  });

  it('picks the nearest documented value: letter case, the nearest number, the service default, the first official value', () => {
    const spec = (name: string) => SPECS.find((s) => s.name === name) as ParamSpec;
    expect(nearestListedValue(spec('action_http_method'), 'put')).toBe('POST');
    expect(nearestListedValue(spec('redirect_type'), '2')).toBe('1');
    expect(nearestListedValue(spec('language'), 'xx')).toBe('0');
    expect(nearestListedValue(spec('procedure_type'), 'meglive_flash')).toBe('flash');
    expect(nearestListedValue(spec('procedure_type'), 'SELFIE')).toBe('selfie');
  });

  it('still refuses what the vendor rules out: closed lists, byte limits, non-integers, unknown scenes, non-http(s) notify_url, unsafe return_url schemes', async () => {
    const closed = SPECS.filter((s) => s.kind === 'enum' && !s.openValues);
    expect(closed.map((s) => s.name)).toContain('comparison_type');
    for (const spec of closed) await refusedAs({ [spec.name]: 'not-listed' }, `BAD_ARGUMENTS: ${spec.name}`);
    for (const spec of SPECS.filter((s) => s.maxBytes !== undefined))
      await refusedAs({ [spec.name]: '€'.repeat(Math.floor((spec.maxBytes ?? 0) / 3) + 1) }, `BAD_ARGUMENTS: ${spec.name}`);
    await refusedAs({ maximum_shooting_time: '2.5' }, 'BAD_ARGUMENTS: maximum_shooting_time');
    await refusedAs({ scene_id: 'no-such-scene' }, 'BAD_ARGUMENTS: scene_id');
    await refusedAs({ notify_url: 'bankapp://n' }, 'BAD_ARGUMENTS: notify_url');
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'JavaScript:alert(1)', 'file:///etc/passwd', '/relative'])
      await refusedAs({ return_url: url }, 'BAD_ARGUMENTS: return_url');
  });

  it('accepts a urlencoded get_token and logs it', async () => {
    const a = await postRaw(
      'application/x-www-form-urlencoded',
      new URLSearchParams({ api_key: KEY, api_secret: SECRET, ...valid() }).toString(),
    );
    expect(a.status).toBe(200);
    expect(JSON.parse(a.body)).toHaveProperty('token');
    expect(lastTrusted()).toMatchObject({ param: '(body)', value: 'application/x-www-form-urlencoded', accepted: true });
  });

  it('accepts return_image beyond 0/1 on get_result, answering as for 1', async () => {
    const { biz_id, token } = await issued({});
    await fetch(`${sandbox.baseUrl}/faceid/lite/do?token=${token}`, {
      method: 'POST',
      body: new URLSearchParams({ preset: 'passed' }),
      redirect: 'manual',
    });
    // The console's client sends only the documented 0/1; a client developer's code may send more.
    const r = await rawResult({ biz_id, return_image: '4' });
    expect(r.status).toBe(200);
    expect((r.body.images as { image_best?: string } | undefined)?.image_best).toMatch(/^data:image\/jpeg;base64,/);
    expect(lastTrusted()).toMatchObject({ endpoint: 'get_result', param: 'return_image', value: '4', treatedAs: '1', accepted: true });
    expect(await rawResult({ biz_id, return_verify_time: '2' })).toMatchObject({
      status: 400,
      body: { error_message: 'BAD_ARGUMENTS: return_verify_time' },
    });
    expect(await getResult({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, bizId: biz_id, returnImage: '1' })).toMatchObject({
      outcome: 'ok',
    });
  });
});

describe('strict mode (the default)', () => {
  beforeEach(() => sandbox.setLenient(false));

  it('is what a sandbox created without options runs', async () => {
    const plain = await createSandbox({ apiKey: KEY, apiSecret: SECRET });
    try {
      expect(plain.lenient).toBe(false);
    } finally {
      await plain.close();
    }
  });

  it('refuses every value lenient mode would take on trust, and logs none of them', async () => {
    const before = sandbox.trustLog.length;
    for (const { param, value } of openCases()) await refusedAs({ [param]: value }, `BAD_ARGUMENTS: ${param}`);
    expect(sandbox.trustLog.length).toBe(before);
  });

  it('reads a urlencoded get_token as a form-data-only server would: no arguments, 400 MISSING_ARGUMENTS: api_key, with a note in the log', async () => {
    const a = await postRaw(
      'application/x-www-form-urlencoded; charset=utf-8',
      new URLSearchParams({ api_key: KEY, api_secret: SECRET, ...valid() }).toString(),
    );
    expect(a.status).toBe(400);
    expect(JSON.parse(a.body)).toMatchObject({ error_message: 'MISSING_ARGUMENTS: api_key' });
    expect(lastTrusted()).toMatchObject({ param: '(body)', accepted: false, note: { ns: 'console', key: 'trust.urlencodedRefused' } });
  });

  it('refuses return_image beyond 0/1', async () => {
    const { biz_id } = await issued({});
    expect(await rawResult({ biz_id, return_image: '2' })).toMatchObject({
      status: 400,
      body: { error_message: 'BAD_ARGUMENTS: return_image' },
    });
  });
});

describe('in both modes', () => {
  it('ignores unknown parameter names but logs them, never showing a secret-like value', async () => {
    for (const lenient of [false, true]) {
      sandbox.setLenient(lenient);
      const { kept } = await issued({ procedure_typ: 'still', apisecret: 'do-not-show', web_title: SECRET });
      const names = sandbox.trustLog.slice(-3).map((e) => e.param);
      expect(names.sort()).toEqual(['apisecret', 'procedure_typ', 'web_title']);
      expect(JSON.stringify(sandbox.trustLog)).not.toContain('do-not-show');
      expect(JSON.stringify(sandbox.trustLog)).not.toContain(SECRET);
      expect(kept?.trusted.map((t) => t.param)).not.toContain('apisecret');
    }
  });
});

/** One get_result with the sandbox's credentials and the given query. */
async function rawResult(query: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const a = await fetch(`${sandbox.baseUrl}/faceid/lite/get_result?${new URLSearchParams({ api_key: KEY, api_secret: SECRET, ...query })}`);
  return { status: a.status, body: (await a.json()) as Record<string, unknown> };
}

/** One get_token with a hand-made body and content type. */
function postRaw(contentType: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${sandbox.baseUrl}/faceid/lite/get_token`,
      { method: 'POST', agent: false, headers: { 'Content-Type': contentType } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the trust log under hostile input', () => {
  it('cuts long values, names and biz_no, and keeps at most 500 entries', async () => {
    sandbox.setLenient(false);
    const long = 'x'.repeat(5000);
    for (let i = 0; i < 505; i++) await postRaw('application/x-www-form-urlencoded', new URLSearchParams({ biz_no: long }).toString());
    expect(sandbox.trustLog.length).toBe(500);
    expect(sandbox.trustLog.at(-1)?.biz_no?.length).toBeLessThanOrEqual(201);
    const { kept } = await issued({ [`n${'y'.repeat(90)}`]: long });
    expect(sandbox.trustLog.at(-1)?.value.length).toBeLessThanOrEqual(201);
    expect(kept?.trusted[0]?.param).toMatch(/^ny+$/);
  });
});
