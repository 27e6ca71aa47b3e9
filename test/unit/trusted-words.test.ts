/**
 * The trusted side and core/faceid speak in references (`{ ns, key, params }`), never sentences:
 * the parameter catalogue, the error catalogue, validation and the verification readings. Each
 * reference must resolve in the tables in English, Bahasa Indonesia and Chinese, read differently
 * in each, and keep the vendor's parameter names and values as they are.
 */
import { describe, expect, it } from 'vitest';
import { FORM_PARAMS, PARAMS, paramNotes, paramSummary, serviceDefaultText, valueLabel, type ParamSpec } from '../../core/faceid/catalogue';
import {
  ERRORS,
  errorWords,
  explainConsoleError,
  explainForPhotos,
  explainServiceMessage,
  readServiceBody,
  type ErrorCode,
} from '../../core/faceid/errors';
import { FACEID_MESSAGES, faceidText } from '../../core/faceid/messages';
import { validateTokenRequest } from '../../core/faceid/validate';
import { readVerification, type VerificationData } from '../../core/faceid/verification';
import { LOCALES } from '../../core/i18n/locales';
import { messageAt, type MessageTree } from '../../core/i18n/messages';
import { isMessageRef, type MessageRef } from '../../core/i18n/render';
import { NAMESPACES } from '../../renderer/i18n/namespaces';
import { bundleProblems } from '../support/messages';

/** Asserts a value is a reference that resolves in every locale, differently in each, with no placeholder left. */
function expectWords(ref: unknown, what: string): void {
  expect(isMessageRef(ref), `${what} is a MessageRef, not ${JSON.stringify(ref)}`).toBe(true);
  const r = ref as MessageRef;
  const bundle = FACEID_MESSAGES[r.ns as keyof typeof FACEID_MESSAGES] as unknown as Record<string, MessageTree> | undefined;
  expect(bundle, `${what}: namespace ${r.ns}`).toBeDefined();
  const texts = LOCALES.map((l) => {
    expect(messageAt(bundle?.[l] ?? {}, r.key), `${what}: ${l} has ${r.ns}:${r.key}`).toBeDefined();
    return faceidText(r, l);
  });
  for (const t of texts) {
    expect(t.trim(), what).not.toBe('');
    expect(t, `${what} leaves no placeholder`).not.toMatch(/\{[a-z]+\}/i);
  }
  expect(new Set(texts).size, `${what} reads differently in en/id/zh: ${texts.join(' | ')}`).toBe(LOCALES.length);
  // Parameter names and values are the vendor's in every language.
  for (const v of Object.values(r.params ?? {})) {
    if (typeof v === 'string' && /^[a-z_0-9]+$/.test(v)) for (const t of texts) expect(t, `${what} keeps ${v}`).toContain(v);
  }
}

describe('the trusted side speaks in references', () => {
  it('registers every core table with the renderer, each complete in every language', () => {
    for (const [ns, bundle] of Object.entries(FACEID_MESSAGES)) {
      expect(NAMESPACES[ns as keyof typeof NAMESPACES], ns).toBe(bundle);
      expect(bundleProblems(ns, bundle)).toEqual([]);
    }
  });

  it('words every parameter: its summary, its notes and the label of every listed value', () => {
    for (const p of PARAMS as readonly ParamSpec[]) {
      expectWords(paramSummary(p.name), `${p.name} summary`);
      const notes = paramNotes(p.name);
      if (notes) expectWords(notes, `${p.name} notes`);
      for (const v of p.values ?? []) expectWords(valueLabel(p.name, v.value), `${p.name}=${v.value}`);
      const def = serviceDefaultText(p);
      if (def) expectWords(def, `${p.name} default`);
    }
    // The notes quote the catalogue's own facts: the callback ports.
    expect(faceidText(paramNotes('notify_url') as MessageRef, 'zh')).toContain('443, 5000, 16003, 8883, 8028');
  });

  it('validation of a bad form returns only references, each worded in three languages', () => {
    const issues = validateTokenRequest(
      {
        return_url: 'bankapp:/x',
        notify_url: 'http://bank.example:8443/n',
        biz_no: 'x'.repeat(129),
        comparison_type: '1',
        maximum_shooting_time: '99',
        language: '7',
        redirect_type: '1',
        scene_id: ' s ',
        idcard_name: 'Dewi',
        api_secret: 'typed',
      },
      { image_ref1: { bytes: 3 * 1024 * 1024, format: 'gif', width: 5000, height: 10 } },
    );
    expect(issues.length).toBeGreaterThanOrEqual(10);
    for (const i of issues) {
      expect(i.message.ns).toBe('validation');
      expectWords(i.message, `${i.field} ${i.message.key}`);
    }
    const keys = new Set(issues.map((i) => i.message.key));
    for (const k of [
      'notAbsoluteUrl',
      'callbackPort',
      'plainHttp',
      'tooLong',
      'notAllowed',
      'outsideOpenRange',
      'unlistedOpen',
      'redirectNeedsGet',
      'spaces',
      'unknownParam',
      'credentialInForm',
      'otherFormat',
      'photoTooBig',
      'photoTooManyPixels',
    ]) {
      expect(keys, k).toContain(k);
    }
  });

  it('explains every catalogued error with a title, an explanation and a next step in three languages', () => {
    for (const spec of ERRORS) {
      const e = explainConsoleError(spec.code as ErrorCode);
      expectWords(e.title, `${spec.code} title`);
      for (const w of errorWords(e)) expectWords(w, `${spec.code} ${w.key}`);
    }
  });

  it('words what a single call adds: a reason, an unknown code, an unreadable answer, the only photo sent', () => {
    const cases = [
      explainServiceMessage('AUTHORIZATION_ERROR: Denied.', 403),
      explainServiceMessage('BIZ_NO_EXISTS: biz_no', 400),
      explainForPhotos(explainServiceMessage('NO_FACE_FOUND', 400), ['image_ref2']),
      explainForPhotos(explainServiceMessage('MULTIPLE_FACES', 400), ['image_ref1']),
    ];
    const html = readServiceBody(502, '<html>Bad Gateway</html>');
    const empty = readServiceBody(504, '');
    if (html.kind === 'error') cases.push(html.error);
    if (empty.kind === 'error') cases.push(empty.error);
    expect(cases).toHaveLength(6);
    for (const e of cases) for (const w of [e.title, ...errorWords(e)]) expectWords(w, `${e.code} ${w.key}`);
    expect(faceidText(errorWords(cases[2] ?? explainServiceMessage('X'))[0] as MessageRef, 'id')).toContain('image_ref2');
  });

  it('reads a verification result in references, in three languages', () => {
    const thresholds = { '1e-3': 64, '1e-4': 69, '1e-5': 74, '1e-6': 79.9 };
    const results: VerificationData[] = [
      {
        status: 'OK',
        liveness_result: {
          result: 'PASS',
          procedure_type: 'flash',
          face_genuineness: { mask_confidence: 0.9, mask_threshold: 0.5, screen_replay_confidence: 0.1, screen_replay_threshold: 0.5 },
        },
        verify_result: {
          error_message: 'NO_FACE_FOUND',
          result_ref1: { confidence: 81.2, thresholds },
          result_ref2: { confidence: 50, thresholds },
        },
        shooting_error: true,
        multiple_faces: false,
      },
      { status: 'WEBRTC_UNSUPPORTED', fail_reason: 'PERMISSIONS_ERROR' },
      { status: 'PROCESSING' },
      { status: 'OK', liveness_result: { result: 'FAIL' }, shooting_error: false, multiple_faces: true },
    ];
    for (const d of results) {
      const r = readVerification(d);
      expectWords(r.headline, `${d.status} headline`);
      for (const l of r.lines) expectWords(l, `${d.status} ${l.key}`);
    }
  });

  it('renders the form catalogue in Chinese with the vendor terms', () => {
    expect(faceidText(paramSummary('comparison_type'), 'zh')).toMatch(/活体检测.*比对/);
    expect(faceidText(paramSummary('biz_no'), 'zh')).toContain('业务流水号');
    expect(FORM_PARAMS.every((p) => faceidText(paramSummary(p.name), 'id') !== faceidText(paramSummary(p.name), 'en'))).toBe(true);
  });
});
