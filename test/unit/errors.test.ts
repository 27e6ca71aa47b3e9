import { describe, expect, it } from 'vitest';
import {
  ERRORS,
  errorBodyKey,
  errorProvenance,
  errorSpec,
  errorTitle,
  errorWords,
  explainForPhotos,
  explainServiceMessage,
  readServiceBody,
  type ErrorSpec,
  type ExplainedError,
} from '../../core/faceid/errors';
import { faceidParagraph, faceidText } from '../../core/faceid/messages';
import { msg } from '../../core/i18n/render';

/** What the operator reads for an error, in English: explanation, what the call adds, next step. */
const said = (e: ExplainedError) => faceidParagraph(errorWords(e));
import { readFileSync } from 'node:fs';
import { specPath, specSection } from '../support/spec-doc';

/** HTTP status, body key, code and sources of each row of docs/faceid-api.md §2.6 that names a code. */
function documentedGetTokenErrors(): { http: number; key: string; code: string; sources: string }[] {
  return [
    ...specSection('### 2.6 Error codes').matchAll(/^\| (\d{3}) \| \**`(error|error_message)`\** \| `([A-Z_]+)[^|]*\|[^|]*\| (.*) \|$/gm),
  ].map((m) => ({
    http: Number(m[1]),
    key: m[2] ?? '',
    code: m[3] ?? '',
    sources: m[4] ?? '',
  }));
}

const documented = documentedGetTokenErrors();
/** A plausible suffix for a code: a parameter, a reason, or none. */
const suffixFor = (spec: ErrorSpec) => (spec.suffix === 'param' ? 'image_ref2' : spec.suffix === 'reason' ? 'Denied.' : undefined);

describe('error catalogue', () => {
  it('reads the get_token error table of faceid-api.md', () => {
    expect(documented.length, specPath).toBeGreaterThanOrEqual(11);
    expect(documented).toContainEqual(expect.objectContaining({ http: 403, code: 'AUTHENTICATION_ERROR' }));
  });

  it('catalogues every documented get_token error with its HTTP status and an explanation', () => {
    for (const { http, code } of documented) {
      const spec = errorSpec(code);
      expect(spec, `${code} (documented in ${specPath})`).toBeDefined();
      expect(spec?.http).toContain(http);
      expect(faceidText(msg('errors', `codes.${code}.explanation`)).length, code).toBeGreaterThan(20);
      expect(spec?.origin).toBe('service');
    }
    expect(errorSpec('RESULT_NOT_FOUND')?.http).toEqual([400]);
    expect(errorSpec('REQUEST_ENTITY_TOO_LARGE')?.http).toEqual([413]);
  });

  it('parses every documented code from error_message and from error, with and without a space after the colon', () => {
    for (const { http, code } of [...documented.map(({ http, code }) => ({ http, code })), { http: 400, code: 'RESULT_NOT_FOUND' }]) {
      const spec = errorSpec(code) as ErrorSpec;
      const detail = suffixFor(spec);
      const messages = detail === undefined ? [code] : [`${code}:${detail}`, `${code}: ${detail}`, code];
      for (const key of ['error_message', 'error']) {
        for (const message of messages) {
          const r = readServiceBody(http, JSON.stringify({ request_id: '1,abc', time_used: 3, [key]: message }));
          expect(r.kind, `${key}=${message}`).toBe('error');
          if (r.kind !== 'error') continue;
          expect(r.error, `${key}=${message}`).toMatchObject({
            code,
            serviceMessage: message,
            httpStatus: http,
            requestId: '1,abc',
            title: errorTitle(code),
          });
          expect(r.error.detail).toBe(message === code ? undefined : detail);
        }
      }
    }
  });

  it('points each error at the field it concerns', () => {
    for (const code of [
      'MISSING_ARGUMENTS',
      'BAD_ARGUMENTS',
      'IMAGE_ERROR_UNSUPPORTED_FORMAT',
      'NO_FACE_FOUND',
      'MULTIPLE_FACES',
      'INVALID_IMAGE_SIZE',
    ]) {
      expect(explainServiceMessage(`${code}: image_ref2`, 400).field, code).toBe('image_ref2');
      expect(explainServiceMessage(`${code}:biz_no`, 400).field, code).toBe('biz_no');
    }
    for (const code of ['IMAGE_ERROR_UNSUPPORTED_FORMAT', 'NO_FACE_FOUND', 'MULTIPLE_FACES', 'INVALID_IMAGE_SIZE']) {
      expect(explainServiceMessage(code, 400).field, `${code} without a parameter`).toBe('image_ref1');
    }
    for (const code of ['AUTHENTICATION_ERROR', 'CONCURRENCY_LIMIT_EXCEEDED', 'API_NOT_FOUND', 'INTERNAL_ERROR']) {
      expect(explainServiceMessage(code, 403).field, code).toBeUndefined();
    }
    expect(explainServiceMessage('RESULT_NOT_FOUND', 400).field).toBe('biz_id');
  });

  it('records the body key of each code as the §2.6 table of the doc gives it: error for three, error_message for the rest', () => {
    for (const { key, code } of documented) expect(errorBodyKey(code), code).toBe(key);
    expect(documented.filter((d) => d.key === 'error').map((d) => d.code)).toEqual([
      'AUTHENTICATION_ERROR',
      'AUTHORIZATION_ERROR',
      'API_NOT_FOUND',
    ]);
    expect(documented.filter((d) => d.key === 'error_message')).toHaveLength(8);
  });

  it('says where each service code comes from, as the doc does: the vendor page or an inference', () => {
    for (const { code, sources } of documented) {
      const spec = errorSpec(code);
      expect(spec?.confidence, code).toBe(sources.includes('[SEED]') ? 'official' : 'inferred');
      expect(spec?.sources?.includes('SEED'), code).toBe(sources.includes('[SEED]'));
    }
    for (const spec of ERRORS as readonly ErrorSpec[]) {
      if (spec.origin === 'service') expect(spec.sources?.length, spec.code).toBeGreaterThan(0);
    }
    for (const code of ['INVALID_IMAGE_SIZE', 'REQUEST_ENTITY_TOO_LARGE', 'INVALID_TOKEN'])
      expect(errorSpec(code)?.confidence, code).toBe('inferred');
    expect(errorSpec('RESULT_NOT_FOUND')?.confidence).toBe('china');
    expect(errorSpec('DATA_DESTROYED')?.confidence).toBe('third-party');
    expect(faceidText(errorProvenance('INVALID_IMAGE_SIZE') ?? msg('errors', 'none'))).toBe('our inference (sources: T-DOC-RAW)');
    expect(errorProvenance('TIMEOUT')).toBeUndefined();
  });

  it('knows the key the code arrived under', () => {
    const r = readServiceBody(403, JSON.stringify({ error: 'AUTHENTICATION_ERROR', request_id: '1,a' }));
    expect(r).toMatchObject({ kind: 'error', error: { code: 'AUTHENTICATION_ERROR', receivedKey: 'error' } });
    expect(readServiceBody(400, JSON.stringify({ error_message: 'MISSING_ARGUMENTS: uuid' }))).toMatchObject({
      kind: 'error',
      error: { field: 'uuid', receivedKey: 'error_message' },
    });
  });

  it('finds the code under error when error_message is present but empty or null', () => {
    for (const empty of ['', null]) {
      const r = readServiceBody(403, JSON.stringify({ error_message: empty, error: 'AUTHORIZATION_ERROR: No data source permission.' }));
      expect(r, String(empty)).toMatchObject({
        kind: 'error',
        error: { code: 'AUTHORIZATION_ERROR', detail: 'No data source permission.', receivedKey: 'error' },
      });
    }
  });

  it('blames the only photo sent for a face error, and neither photo when both were sent', () => {
    const noFace = explainServiceMessage('NO_FACE_FOUND', 400);
    expect(said(noFace)).toMatch(/either reference photo/);
    const one = explainForPhotos(noFace, ['image_ref2']);
    expect(one.field).toBe('image_ref2');
    expect(said(one)).toMatch(/^The service found no face in image_ref2 \(the only reference photo sent\)\. Use clear/);
    const both = explainForPhotos(explainServiceMessage('MULTIPLE_FACES', 400), ['image_ref1', 'image_ref2']);
    expect(both.field).toBeUndefined();
    expect(said(both)).toMatch(/^Either reference photo shows more than one face/);
    expect(explainForPhotos(explainServiceMessage('NO_FACE_FOUND:image_ref1', 400), ['image_ref1', 'image_ref2']).field).toBe('image_ref1');
  });

  it('lists the reasons the vendor gives for AUTHORIZATION_ERROR', () => {
    expect(errorSpec('AUTHORIZATION_ERROR')?.reasons).toEqual(['Denied.', 'No data source permission.']);
  });

  it('shows the reason of AUTHORIZATION_ERROR instead of treating it as a field', () => {
    const authz = explainServiceMessage('AUTHORIZATION_ERROR: Denied.', 403);
    expect(authz).toMatchObject({ code: 'AUTHORIZATION_ERROR', detail: 'Denied.', field: undefined });
    expect(said(authz)).toContain('Reason given: “Denied.”');
  });

  it('quotes an unknown code as received instead of guessing', () => {
    const r = explainServiceMessage('BIZ_NO_EXISTS: biz_no', 400);
    expect(r.code).toBe('UNKNOWN_SERVICE_ERROR');
    expect(r.serviceMessage).toBe('BIZ_NO_EXISTS: biz_no');
    expect(said(r)).toContain('BIZ_NO_EXISTS: biz_no');
    expect(said(r)).toContain('HTTP 400');
  });

  it('has one entry per code, every console code marked as such', () => {
    const codes = ERRORS.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of ['UNEXPECTED_RESPONSE', 'NETWORK_ERROR', 'TIMEOUT', 'CONNECTION_LOST', 'CANCELLED'])
      expect(errorSpec(code)?.origin).toBe('console');
  });
});

describe('reading service answers', () => {
  const unexpected = (status: number, body: string) => {
    const r = readServiceBody(status, body);
    expect(r.kind).toBe('error');
    if (r.kind !== 'error') throw new Error('not an error');
    expect(r.error).toMatchObject({ code: 'UNEXPECTED_RESPONSE', httpStatus: status });
    return said(r.error);
  };

  it('turns an HTML page from a proxy into UNEXPECTED_RESPONSE quoting status and first bytes', () => {
    const text = unexpected(502, '<html><head><title>502 Bad Gateway</title></head></html>');
    expect(text).toContain('HTTP 502');
    expect(text).toContain('<html><head><title>502 Bad Gateway');
  });

  it('says so for an empty body, with the status', () => {
    expect(unexpected(200, '')).toContain('HTTP 200, empty body.');
    expect(unexpected(504, '   ')).toContain('HTTP 504');
  });

  it('quotes truncated JSON rather than failing to parse it', () => {
    expect(unexpected(200, '{"token":"abc","biz_')).toContain('HTTP 200, body starts: "{\\"token\\":\\"abc\\",\\"biz_"');
  });

  it('quotes only the start of a long body', () => {
    const text = unexpected(500, `<html>${'x'.repeat(5000)}</html>`);
    expect(text).toContain('…');
    expect(text.length).toBeLessThan(600);
  });

  it('treats JSON without an error code on an error status as unexpected', () => {
    expect(unexpected(500, '{"request_id":"1,a","time_used":1}')).toContain('HTTP 500');
    expect(unexpected(400, '["BAD_ARGUMENTS"]')).toContain('HTTP 400');
  });

  it('treats a 413 without JSON as an upload that is too large', () => {
    const r = readServiceBody(413, '<html><title>413 Request Entity Too Large</title></html>');
    expect(r).toMatchObject({ kind: 'error', error: { code: 'REQUEST_ENTITY_TOO_LARGE', field: 'image_ref1', httpStatus: 413 } });
    expect(readServiceBody(413, '')).toMatchObject({ kind: 'error', error: { code: 'REQUEST_ENTITY_TOO_LARGE' } });
  });

  it('passes a success body through', () => {
    expect(readServiceBody(200, '{"token":"t"}')).toEqual({ kind: 'json', json: { token: 't' } });
  });
});

describe("the README's error table", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const rows = [...readme.matchAll(/^\|\s*`([A-Z_]+)[^`]*`\s*\|\s*(\d{3})\s*\|([^|]+)\|([^|]+)\|$/gm)].map((m) => ({
    code: m[1] ?? '',
    http: Number(m[2]),
    key: (m[3] ?? '').trim().replace(/`/g, ''),
    where: (m[4] ?? '').trim(),
  }));
  const words = { official: /^vendor page/, china: /^China edition/, 'third-party': /^third-party/, inferred: /^inferred/ } as const;

  it('lists every service code of the catalogue with its HTTP status, JSON key and provenance', () => {
    const service = (ERRORS as readonly ErrorSpec[]).filter((e) => e.origin === 'service');
    expect(rows.map((r) => r.code).sort()).toEqual(service.map((e) => e.code).sort());
    for (const r of rows) {
      const spec = errorSpec(r.code);
      expect(spec?.http, r.code).toContain(r.http);
      expect(r.key, r.code).toBe(spec?.bodyKey ?? 'no JSON');
      expect(r.where, r.code).toMatch(words[spec?.confidence ?? 'inferred']);
    }
  });
});
