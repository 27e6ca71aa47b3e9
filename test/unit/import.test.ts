import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, importCall, importMultipart } from '../../core/import';
import { curlCommand } from '../../main/history/curl';

const SECRET = 'pasted-secret-6c1f0e';
const noSecret = (v: unknown) =>
  expect(JSON.stringify(v, (_k, x: unknown) => (x instanceof Uint8Array ? `<${x.length} bytes>` : x))).not.toContain(SECRET);

describe('importing a pasted call', () => {
  it("reads the console's own Copy as cURL back into the same parameters", () => {
    const row = {
      baseUrl: 'https://api-idn.megvii.com',
      params: {
        api_key: 'k-123',
        api_secret: '[redacted]',
        return_url: 'https://bank.example/r',
        notify_url: 'https://bank.example/n',
        biz_no: "o'brien-1",
        comparison_type: '0',
        uuid: 'cust 7',
        biz_extra_data: '{"case":"CS-1"}',
      },
      photos: [{ param: 'image_ref1' as const, filename: 'me.jpg', sha256: 'cd'.repeat(32), bytes: 10, format: 'jpeg', kept: false }],
    };
    const r = importCall(curlCommand(row, { keepOriginal: true }));
    expect(r.source).toBe('curl');
    expect(r.params).toEqual({
      return_url: 'https://bank.example/r',
      notify_url: 'https://bank.example/n',
      biz_no: "o'brien-1",
      comparison_type: '0',
      uuid: 'cust 7',
      biz_extra_data: '{"case":"CS-1"}',
    });
    expect(r.notes).toEqual(
      expect.arrayContaining([
        { code: 'SECRET_DROPPED', param: 'api_secret' },
        { code: 'API_KEY_IGNORED', param: 'api_key' },
        { code: 'PHOTO_NOT_IN_PASTE', param: 'image_ref1', detail: 'me.jpg' },
        { code: 'URL', detail: 'https://api-idn.megvii.com/faceid/lite/get_token' },
      ]),
    );
  });

  it("reads a browser's Copy as cURL (bash) of a multipart form, dropping the secret", () => {
    // As Chromium writes it: ANSI-C quoting, the whole body in --data-raw, CRLF escaped.
    const pasted = [
      "curl 'https://api-sgp.megvii.com/faceid/lite/get_token' \\",
      "  -H 'accept: */*' \\",
      "  -H 'content-type: multipart/form-data; boundary=----WebKitFormBoundaryx8Yq2TnLb0aQ' \\",
      '  --data-raw $\'------WebKitFormBoundaryx8Yq2TnLb0aQ\\r\\nContent-Disposition: form-data; name="api_key"\\r\\n\\r\\nk-123\\r\\n' +
        '------WebKitFormBoundaryx8Yq2TnLb0aQ\\r\\nContent-Disposition: form-data; name="api_secret"\\r\\n\\r\\n' +
        SECRET +
        '\\r\\n------WebKitFormBoundaryx8Yq2TnLb0aQ\\r\\nContent-Disposition: form-data; name="biz_no"\\r\\n\\r\\nLOAN-88213\\r\\n' +
        '------WebKitFormBoundaryx8Yq2TnLb0aQ\\r\\nContent-Disposition: form-data; name="uuid"\\r\\n\\r\\nnasabah-é-01\\r\\n' +
        '------WebKitFormBoundaryx8Yq2TnLb0aQ\\r\\nContent-Disposition: form-data; name="image_ref1"; filename="ktp.jpg"\\r\\nContent-Type: image/jpeg\\r\\n\\r\\n\\r\\n' +
        "------WebKitFormBoundaryx8Yq2TnLb0aQ--\\r\\n'",
    ].join('\n');
    const r = importCall(pasted);
    expect(r.params).toEqual({ biz_no: 'LOAN-88213', uuid: 'nasabah-é-01' });
    expect(r.notes).toEqual(
      expect.arrayContaining([
        { code: 'SECRET_DROPPED', param: 'api_secret' },
        { code: 'PHOTO_NOT_IN_PASTE', param: 'image_ref1', detail: 'ktp.jpg' },
      ]),
    );
    noSecret(r);
  });

  it('reads a hand-typed command with -F, a query string, and Windows caret continuations', () => {
    const r = importCall(
      `curl -X POST ^\n  -F "api_secret=${SECRET}" ^\n  -F biz_no=B-1 -F "comparison_type=-1" --form-string "biz_extra_data=@x;y" "https://api-idn.megvii.com/faceid/lite/get_token?uuid=u-9"`,
    );
    expect(r.params).toEqual({ biz_no: 'B-1', comparison_type: '-1', biz_extra_data: '@x;y', uuid: 'u-9' });
    expect(r.notes.map((n) => n.code)).toContain('SECRET_DROPPED');
    noSecret(r);
  });

  it('reads a raw multipart dump from a proxy log, lines ending in LF, headers and all', () => {
    const dump = [
      'POST /faceid/lite/get_token HTTP/1.1',
      'Host: api-idn.megvii.com',
      'Content-Type: multipart/form-data; boundary="--------------------------536880124418452167305627"',
      '',
      '----------------------------536880124418452167305627',
      'Content-Disposition: form-data; name="api_secret"',
      '',
      SECRET,
      '----------------------------536880124418452167305627',
      'Content-Disposition: form-data; name="biz_no"',
      '',
      'LOAN-88213',
      '----------------------------536880124418452167305627',
      'Content-Disposition: form-data; name="biz_extra_data"',
      '',
      '{"branch":"Surabaya",',
      '"note":"two lines"}',
      '----------------------------536880124418452167305627--',
      '',
    ].join('\n');
    const r = importCall(dump);
    expect(r.source).toBe('multipart');
    expect(r.params).toEqual({ biz_no: 'LOAN-88213', biz_extra_data: '{"branch":"Surabaya",\n"note":"two lines"}' });
    expect(r.notes).toEqual([{ code: 'SECRET_DROPPED', param: 'api_secret' }]);
    noSecret(r);
  });

  it('attaches a photo when the dump is given as bytes (a saved request)', () => {
    const jpeg = readFileSync('test/fixtures/face.jpg');
    const head = Buffer.from(
      '--XyZ\r\nContent-Disposition: form-data; name="uuid"\r\n\r\ncust-1\r\n--XyZ\r\nContent-Disposition: form-data; name="image_ref1"; filename="face.jpg"\r\nContent-Type: image/jpeg\r\n\r\n',
    );
    const tail = Buffer.from('\r\n--XyZ--\r\n');
    const r = importMultipart(new Uint8Array(Buffer.concat([head, jpeg, tail])));
    expect(r.params).toEqual({ uuid: 'cust-1' });
    expect(r.photos).toHaveLength(1);
    expect(r.photos[0]?.filename).toBe('face.jpg');
    expect(Buffer.from(r.photos[0]?.bytes ?? []).equals(jpeg)).toBe(true);
  });

  it('reads a JSON object of parameters, flat or under params (our own export)', () => {
    const flat = importCall(`{"biz_no":"J-1","comparison_type":-1,"api_secret":"${SECRET}","uuid":"u"}`);
    expect(flat).toMatchObject({ source: 'json', params: { biz_no: 'J-1', comparison_type: '-1', uuid: 'u' } });
    expect(flat.notes.map((n) => n.code)).toEqual(['SECRET_DROPPED']);
    const exported = importCall(
      JSON.stringify({ id: 4, bizNo: 'J-2', params: { biz_no: 'J-2', api_secret: '[redacted]', image_ref1: 'face.jpg' } }),
    );
    expect(exported.params).toEqual({ biz_no: 'J-2' });
    expect(exported.notes.map((n) => n.code)).toEqual(['SECRET_DROPPED', 'PHOTO_NOT_IN_PASTE']);
    noSecret(flat);
  });

  it('names what it cannot read', () => {
    const code = (text: string) => {
      try {
        importCall(text);
        return 'read';
      } catch (e) {
        return e instanceof ImportError ? e.code : 'threw';
      }
    };
    expect(code('  ')).toBe('EMPTY');
    expect(code('{"biz_no": ')).toBe('BAD_JSON');
    expect(code('hello')).toBe('NOT_RECOGNISED');
  });

  it('never throws anything but an ImportError, and never keeps api_secret, whatever is pasted', () => {
    const prefixes = fc.constantFrom('', 'curl ', '{', '--b\nContent-Disposition: form-data; name="api_secret"\n\n', 'curl -F api_secret=');
    fc.assert(
      fc.property(prefixes, fc.string({ maxLength: 200 }), (prefix, rest) => {
        try {
          const r = importCall(prefix + rest);
          expect(r.params).not.toHaveProperty('api_secret');
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
