/**
 * The pages the customer's browser sees speak the token's `language`: the liveness page, the
 * INVALID_TOKEN page, the page for an unreadable outcome and the return_url hand-off, each with
 * `<html lang>` set. Codes and parameter names stay as the vendor spells them in every language.
 * Tokens come from the real client against the real sandbox over loopback HTTP.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livenessUrl } from '../../core/faceid/verification';
import { getToken } from '../../main/faceid/client';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';

const KEY = 'lang-key';
const SECRET = 'lang-secret';
let sandbox: Sandbox;
let seq = 0;

beforeAll(async () => {
  sandbox = await createSandbox({ apiKey: KEY, apiSecret: SECRET, callbackPortCheck: false });
});
afterAll(async () => {
  await sandbox.close();
});

async function issue(language: string | undefined, extra: Record<string, string> = {}) {
  const params: Record<string, string> = {
    return_url: 'http://127.0.0.1:9/return',
    notify_url: 'http://127.0.0.1:9/notify',
    biz_no: `lang-${++seq}`,
    comparison_type: '-1',
    uuid: 'customer-7',
    ...extra,
  };
  if (language !== undefined) params.language = language;
  const r = await getToken({ baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET, params, photos: {} });
  if (r.outcome !== 'issued') throw new Error(`no token: ${JSON.stringify(r)}`);
  return { ...r, biz_no: params.biz_no ?? '', doUrl: livenessUrl(sandbox.baseUrl, r.token) };
}

const langOf = (html: string) => /<html lang="([^"]+)">/.exec(html)?.[1];
const h1Of = (html: string) => /<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '');
const post = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body: new URLSearchParams(fields), headers, redirect: 'manual' });

describe("the liveness page in the token's language", () => {
  const cases = [
    {
      language: '0',
      lang: 'en',
      heading: 'Liveness check (FaceID sandbox)',
      passed: 'Passed',
      cancelled: 'Cancelled',
      onlyLiveness: '-1 — liveness only',
    },
    {
      language: '1',
      lang: 'zh-Hans-CN',
      heading: '活体检测 (FaceID 沙箱)',
      passed: '通过',
      cancelled: '已取消',
      onlyLiveness: '-1 — 仅活体检测',
    },
    {
      language: '2',
      lang: 'id-ID',
      heading: 'Pemeriksaan liveness (Sandbox FaceID)',
      passed: 'Lolos',
      cancelled: 'Dibatalkan',
      onlyLiveness: '-1 — hanya liveness',
    },
    {
      language: '3',
      lang: 'en',
      heading: 'Liveness check (FaceID sandbox)',
      passed: 'Passed',
      cancelled: 'Cancelled',
      onlyLiveness: '-1 — liveness only',
    },
    {
      language: undefined,
      lang: 'en',
      heading: 'Liveness check (FaceID sandbox)',
      passed: 'Passed',
      cancelled: 'Cancelled',
      onlyLiveness: '-1 — liveness only',
    },
  ];

  it.each(cases)('language=$language: lang="$lang", heading, presets and readings in that language', async (c) => {
    const t = await issue(c.language);
    const html = await (await fetch(t.doUrl)).text();
    expect(langOf(html)).toBe(c.lang);
    expect(h1Of(html)).toBe(c.heading);
    expect(html).toContain(`>${c.passed}</button>`);
    expect(html).toContain(`>${c.cancelled}</button>`);
    expect(html).toContain(`<dd>${c.onlyLiveness}</dd>`);
    // The vendor's names and values are the same in every language.
    for (const kept of [
      '<dt>biz_no</dt>',
      `<dd>${t.biz_no}</dd>`,
      '<dt>comparison_type</dt>',
      'name="status" value="WEBRTC_UNSUPPORTED"',
      'for="liveness_result-PASS">PASS</label>',
      'screen_replay_confidence',
    ])
      expect(html).toContain(kept);
  });

  it('writes the comparison and its photos, the status words and the notes in Chinese for language=1', async () => {
    const t = await issue('1', { fmp_mode: '0' });
    const html = await (await fetch(t.doUrl)).text();
    expect(html).toContain('<label for="status-CANCELLED">CANCELLED — 用户主动退出</label>');
    expect(html).toContain('fmp_mode=0：分数高于阈值时，活体检测结果变为 FAIL。');
    expect(html).toContain('<legend>liveness_result（status 为 OK 时）</legend>');
    expect(html).toContain('<dt>procedure_type</dt><dd>flash（未传）</dd>');
    expect(html).toContain('<dt>language</dt><dd>1</dd>');
    expect(html).not.toMatch(/Liveness check|One-click outcomes|Finish the flow/);
  });

  it('names the photos compared with the locale’s own “and”', async () => {
    const face = new Uint8Array(readFileSync('test/fixtures/face.jpg'));
    const photo = { bytes: face, filename: 'face.jpg', contentType: 'image/jpeg' };
    const r = await getToken({
      baseUrl: sandbox.baseUrl,
      apiKey: KEY,
      apiSecret: SECRET,
      params: {
        return_url: 'http://127.0.0.1:9/r',
        notify_url: 'http://127.0.0.1:9/n',
        biz_no: `lang-${++seq}`,
        comparison_type: '0',
        uuid: 'c',
        language: '2',
      },
      photos: { image_ref1: photo, image_ref2: photo },
    });
    if (r.outcome !== 'issued') throw new Error(JSON.stringify(r));
    const html = await (await fetch(livenessUrl(sandbox.baseUrl, r.token))).text();
    expect(html).toContain('<dd>0 — liveness dan pencocokan wajah dengan image_ref1 dan image_ref2</dd>');
    expect(html).toContain('<label for="confidence_image_ref1">Tingkat keyakinan result_ref1 (0–100)</label>');
  });
});

describe("the pages around it in the token's language", () => {
  it('shows INVALID_TOKEN for a used token in its language, the code and the problem name unchanged', async () => {
    const t = await issue('2');
    await post(t.doUrl, { preset: 'cancelled' });
    const answer = await fetch(t.doUrl);
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(langOf(html)).toBe('id-ID');
    expect(h1Of(html)).toBe('Tautan liveness ini tidak dapat digunakan');
    expect(html).toContain(
      `<strong>INVALID_TOKEN</strong>: used — alur untuk token ini sudah berakhir (biz_no ${t.biz_no}); satu token hanya berlaku sekali.`,
    );
    expect(html).toContain('<title>Tautan liveness tidak berlaku — Sandbox FaceID</title>');
  });

  it("follows the browser's Accept-Language for a token the sandbox never issued, English for a language we do not ship", async () => {
    const unknown = livenessUrl(sandbox.baseUrl, 'e'.repeat(32));
    const zh = await (await fetch(unknown, { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' } })).text();
    expect(langOf(zh)).toBe('zh-Hans-CN');
    expect(zh).toContain('<strong>INVALID_TOKEN</strong>: unknown — 本沙箱从未签发过此 token');
    const th = await (await fetch(unknown, { headers: { 'Accept-Language': 'th-TH' } })).text();
    expect(langOf(th)).toBe('en');
    expect(th).toContain('<strong>INVALID_TOKEN</strong>: unknown — this sandbox never issued this token');
  });

  it('explains an unreadable outcome in Chinese for language=1, keeping the field name and the vendor’s values', async () => {
    const t = await issue('1');
    const bad = await post(t.doUrl, { status: 'MAYBE' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(langOf(html)).toBe('zh-Hans-CN');
    expect(html).toContain('status 必须是 OK, FAILED, CANCELLED, TIMEOUT, WEBRTC_UNSUPPORTED 之一，而不是 &quot;MAYBE&quot;。');
    expect(html).toContain('返回活体检测页面</a>');
    const counter = await (await post(t.doUrl, { status: 'OK', details_FACE_NOT_FOUND: 'x' })).text();
    expect(counter).toContain('details_FACE_NOT_FOUND 必须是 0 到 99 之间的整数，而不是 &quot;x&quot;。');
    expect((await fetch(t.doUrl)).status).toBe(200);
  });

  it('hands the browser back to return_url with an Indonesian page for language=2', async () => {
    const t = await issue('2');
    const answer = await post(t.doUrl, { preset: 'passed' });
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(langOf(html)).toBe('id-ID');
    expect(h1Of(html)).toBe('Pemeriksaan selesai');
    expect(html).toContain('<button type="submit">Lanjutkan</button>');
    expect(html).toContain('<input type="hidden" name="sign"');
  });

  it("lists what the sandbox took on trust with its note in the token's language, the parameter as sent", async () => {
    const notes = {
      '0': 'not a get_token parameter; ignored',
      '1': '不是 get_token 的参数；已忽略',
      '2': 'bukan parameter get_token; diabaikan',
    };
    for (const [language, note] of Object.entries(notes)) {
      const t = await issue(language, { biz_colour: 'teal' });
      const html = await (await fetch(t.doUrl)).text();
      expect(html, language).toContain(`<li><code>biz_colour=&quot;teal&quot;</code>: ${note}</li>`);
    }
    // The log keeps the reference, not a sentence: the console and the CLI word it in their own language.
    expect(sandbox.trustLog.at(-1)).toMatchObject({ param: 'biz_colour', note: { ns: 'console', key: 'trust.unknownParam' } });
  });
});
