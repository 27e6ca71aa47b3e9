import { describe, expect, it } from 'vitest';
import { ERRORS, explainServiceMessage, readServiceBody } from '../../core/faceid/errors';

const SERVICE_CODES = [
  'MISSING_ARGUMENTS',
  'BAD_ARGUMENTS',
  'IMAGE_ERROR_UNSUPPORTED_FORMAT',
  'NO_FACE_FOUND',
  'MULTIPLE_FACES',
  'INVALID_IMAGE_SIZE',
  'AUTHENTICATION_ERROR',
  'AUTHORIZATION_ERROR',
  'CONCURRENCY_LIMIT_EXCEEDED',
  'API_NOT_FOUND',
  'INTERNAL_ERROR',
];

describe('error catalogue', () => {
  it('catalogues every documented get_token error with an explanation', () => {
    for (const code of SERVICE_CODES) {
      const spec = ERRORS.find((e) => e.code === code);
      expect(spec, code).toBeDefined();
      expect(spec?.explanation.length, code).toBeGreaterThan(20);
    }
  });

  it('reads parameterised codes with or without a space after the colon, pointing at the field', () => {
    for (const sep of [':', ': ']) {
      expect(explainServiceMessage(`BAD_ARGUMENTS${sep}biz_no`, 400)).toMatchObject({ code: 'BAD_ARGUMENTS', field: 'biz_no', detail: 'biz_no' });
      expect(explainServiceMessage(`MISSING_ARGUMENTS${sep}return_url`, 400).field).toBe('return_url');
      expect(explainServiceMessage(`IMAGE_ERROR_UNSUPPORTED_FORMAT${sep}image_ref2`, 400).field).toBe('image_ref2');
      expect(explainServiceMessage(`INVALID_IMAGE_SIZE${sep}image_ref1`, 400).field).toBe('image_ref1');
    }
    const authz = explainServiceMessage('AUTHORIZATION_ERROR:Denied.', 403);
    expect(authz).toMatchObject({ code: 'AUTHORIZATION_ERROR', detail: 'Denied.', field: undefined });
    expect(authz.explanation).toContain('Reason given: “Denied.”');
  });

  it('points face errors at image_ref1 unless the service names the photo', () => {
    expect(explainServiceMessage('NO_FACE_FOUND', 400).field).toBe('image_ref1');
    expect(explainServiceMessage('MULTIPLE_FACES:image_ref2', 400).field).toBe('image_ref2');
  });

  it('reads the code from error_message and from error', () => {
    for (const key of ['error_message', 'error']) {
      const r = readServiceBody(403, JSON.stringify({ [key]: 'AUTHENTICATION_ERROR', request_id: '1,abc' }));
      expect(r).toMatchObject({ kind: 'error', error: { code: 'AUTHENTICATION_ERROR', httpStatus: 403, requestId: '1,abc' } });
    }
  });

  it('quotes an unknown code as received instead of guessing', () => {
    const r = explainServiceMessage('BIZ_NO_EXISTS', 400);
    expect(r.code).toBe('UNKNOWN_SERVICE_ERROR');
    expect(r.explanation).toContain('BIZ_NO_EXISTS');
  });

  it('turns an HTML page from a proxy into a clear error quoting status and first bytes', () => {
    const r = readServiceBody(502, '<html><head><title>502 Bad Gateway</title></head></html>');
    expect(r.kind).toBe('error');
    if (r.kind === 'error') {
      expect(r.error.code).toBe('UNEXPECTED_RESPONSE');
      expect(r.error.explanation).toContain('HTTP 502');
      expect(r.error.explanation).toContain('<html><head><title>502 Bad Gateway');
    }
  });

  it('handles empty and truncated JSON bodies', () => {
    const empty = readServiceBody(200, '');
    expect(empty.kind === 'error' && empty.error.explanation).toContain('(empty body)');
    const cut = readServiceBody(200, '{"token":"abc","biz_');
    expect(cut.kind === 'error' && cut.error.code).toBe('UNEXPECTED_RESPONSE');
  });

  it('treats a 413 without JSON as an upload that is too large', () => {
    const r = readServiceBody(413, '<html><title>413 Request Entity Too Large</title></html>');
    expect(r).toMatchObject({ kind: 'error', error: { code: 'REQUEST_ENTITY_TOO_LARGE', field: 'image_ref1', httpStatus: 413 } });
  });

  it('passes a success body through', () => {
    expect(readServiceBody(200, '{"token":"t"}')).toEqual({ kind: 'json', json: { token: 't' } });
  });
});
