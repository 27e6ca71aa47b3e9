import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAMS, type ParamSpec } from '../../core/faceid/catalogue';
import { photoFacts } from '../../core/faceid/photo';
import { hasErrors, utf8Length, validateTokenRequest, type FormValues } from '../../core/faceid/validate';
import { faceidText } from '../../core/faceid/messages';
import { makeBigJpeg, makeJpeg } from '../fixtures/images';

const base: FormValues = {
  return_url: 'https://bank.example/return',
  notify_url: 'https://bank.example/notify',
  biz_no: 'desk-1',
  comparison_type: '-1',
  uuid: 'customer-1',
};
/** The issues as the operator reads them in English (the check itself returns references). */
const validate = (values: FormValues, photos = {}) =>
  validateTokenRequest(values, photos).map((i) => ({ ...i, message: faceidText(i.message) }));
const face = photoFacts(new Uint8Array(readFileSync('test/fixtures/face.jpg')));
const issuesFor = (values: FormValues, field: string, photos = {}) => validate(values, photos).filter((i) => i.field === field);

describe('validation', () => {
  it('accepts a minimal liveness-only request', () => {
    expect(validate(base)).toEqual([]);
  });

  it('reports every problem at once, per field', () => {
    const issues = validate({ comparison_type: '0', maximum_shooting_time: 'ten' });
    const fields = issues.filter((i) => i.severity === 'error').map((i) => i.field);
    expect(fields).toEqual(['return_url', 'notify_url', 'biz_no', 'uuid', 'image_ref1', 'maximum_shooting_time']);
    expect(issues.find((i) => i.field === 'maximum_shooting_time')?.message).toBe(
      'maximum_shooting_time must be a whole number from 2 to 60.',
    );
    expect(hasErrors(issues)).toBe(true);
  });

  it('counts bytes of UTF-8, not characters', () => {
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
    const euros = '€'.repeat(43); // 43 characters, 129 bytes
    const [issue] = issuesFor({ ...base, biz_no: euros }, 'biz_no');
    expect(issue).toMatchObject({ severity: 'error', message: 'biz_no is 129 bytes of UTF-8; at most 128 bytes are allowed.' });
    expect(issuesFor({ ...base, biz_no: 'a'.repeat(128) }, 'biz_no')).toEqual([]);
  });

  it('applies every byte limit of the catalogue to UTF-8 bytes', () => {
    for (const spec of PARAMS as readonly ParamSpec[]) {
      if (spec.maxBytes === undefined || spec.kind === 'file') continue;
      const over = '€'.repeat(Math.floor(spec.maxBytes / 3) + 1); // fewer characters than the limit
      expect(over.length).toBeLessThan(spec.maxBytes);
      expect(issuesFor({ ...base, [spec.name]: over }, spec.name)[0]?.severity, spec.name).toBe('error');
      expect(issuesFor({ ...base, [spec.name]: 'a'.repeat(spec.maxBytes) }, spec.name), spec.name).toEqual([]);
    }
  });

  it('warns, without blocking, about a notify_url port outside the callback whitelist', () => {
    const [issue, ...rest] = issuesFor({ ...base, notify_url: 'https://bank.example:8443/n' }, 'notify_url');
    expect(rest).toEqual([]);
    expect(issue?.severity).toBe('warning');
    expect(issue?.message).toMatch(/port 8443.*443, 5000, 16003, 8883, 8028.*never arrive/);
  });

  it("warns about plain HTTP with the vendor's advice, and about the default port 80", () => {
    const http80 = issuesFor({ ...base, notify_url: 'http://bank.example/n' }, 'notify_url');
    expect(http80.map((i) => i.severity)).toEqual(['warning', 'warning']);
    expect(http80[0]?.message).toMatch(/port 80 \(the default for http\)/);
    const http5000 = issuesFor({ ...base, notify_url: 'http://bank.example:5000/n' }, 'notify_url');
    expect(http5000).toEqual([
      {
        field: 'notify_url',
        severity: 'warning',
        message: 'notify_url uses plain HTTP: the vendor recommends HTTPS; over HTTP, verify the data of each callback with its sign.',
      },
    ]);
  });

  it('refuses URLs that are not absolute, and non-http(s) notify_url; warns for an app link as return_url', () => {
    expect(issuesFor({ ...base, return_url: '/relative' }, 'return_url')[0]?.severity).toBe('error');
    expect(issuesFor({ ...base, notify_url: 'ftp://x.example/' }, 'notify_url')[0]).toMatchObject({
      severity: 'error',
      message: 'notify_url must use https or http, not ftp.',
    });
    const deepLink = issuesFor({ ...base, return_url: 'bankapp://verified' }, 'return_url');
    expect(deepLink).toHaveLength(1);
    expect(deepLink[0]).toMatchObject({ severity: 'warning' });
    expect(deepLink[0]?.message).toMatch(/scheme "bankapp"/);
    expect(hasErrors(validateTokenRequest({ ...base, return_url: 'bankapp://verified' }))).toBe(false);
  });

  it('warns for values outside an open list but refuses them for a closed list', () => {
    const lang = issuesFor({ ...base, language: '7' }, 'language');
    expect(lang[0]).toMatchObject({ severity: 'warning' });
    expect(lang[0]?.message).toMatch(/will be sent as typed/);
    expect(issuesFor({ ...base, comparison_type: '1' }, 'comparison_type')[0]).toMatchObject({
      severity: 'error',
      message: 'comparison_type "1" is not allowed; allowed: "0", "-1".',
    });
    expect(issuesFor({ ...base, multi_oriented_detection: '2' }, 'multi_oriented_detection')[0]?.severity).toBe('error');
    expect(issuesFor({ ...base, procedure_type: 'still' }, 'procedure_type')).toEqual([]);
  });

  it('keeps the third-party lists of get_shooting_error and fmp_mode open', () => {
    for (const name of ['get_shooting_error', 'fmp_mode']) {
      expect(
        issuesFor({ ...base, [name]: '2' }, name).map((i) => i.severity),
        name,
      ).toEqual(['warning']);
    }
  });

  it('checks maximum_shooting_time is a whole number, and only warns outside 2 to 60', () => {
    const [over] = issuesFor({ ...base, maximum_shooting_time: '61' }, 'maximum_shooting_time');
    expect(over).toMatchObject({ severity: 'warning' });
    expect(over?.message).toMatch(/^maximum_shooting_time is 61, outside the documented 2 to 60/);
    expect(issuesFor({ ...base, maximum_shooting_time: '1' }, 'maximum_shooting_time')[0]?.severity).toBe('warning');
    expect(issuesFor({ ...base, maximum_shooting_time: '2.5' }, 'maximum_shooting_time')[0]?.severity).toBe('error');
    expect(issuesFor({ ...base, maximum_shooting_time: '2' }, 'maximum_shooting_time')).toEqual([]);
  });

  it('requires uuid with comparison_type=-1 as well as 0', () => {
    for (const comparison_type of ['-1', '0']) {
      const noUuid: FormValues = { ...base, comparison_type };
      delete noUuid.uuid;
      expect(issuesFor(noUuid, 'uuid'), comparison_type).toEqual([{ field: 'uuid', severity: 'error', message: 'uuid is required.' }]);
    }
  });

  it('requires at least one reference photo with comparison_type=0, either of the two', () => {
    const cmp = { ...base, comparison_type: '0' };
    expect(issuesFor(cmp, 'image_ref1')).toEqual([
      {
        field: 'image_ref1',
        severity: 'error',
        message: 'With comparison_type=0 at least one reference photo is required: attach image_ref1 (or image_ref2).',
      },
    ]);
    expect(issuesFor(cmp, 'image_ref2')).toEqual([]);
    expect(validate(cmp, { image_ref1: face })).toEqual([]);
    const onlySecond = validate(cmp, { image_ref2: face });
    expect(hasErrors(onlySecond)).toBe(false);
    expect(onlySecond).toHaveLength(1);
    expect(onlySecond[0]).toMatchObject({ field: 'image_ref2', severity: 'warning' });
    expect(onlySecond[0]?.message).toMatch(/inferred: image_ref1 in particular may be expected/);
    expect(validate(base)).toEqual([]);
  });

  it('refuses a file that is not an image, by its content', () => {
    const text = photoFacts(new Uint8Array(readFileSync('test/fixtures/not-an-image.jpg')));
    expect(text.format).toBeNull();
    const [issue] = issuesFor({ ...base, comparison_type: '0', uuid: 'u' }, 'image_ref1', { image_ref1: text });
    expect(issue).toMatchObject({ severity: 'error' });
    expect(issue?.message).toMatch(/not an image/);
  });

  it('warns, without blocking, about photos over the inferred size limits', () => {
    const big = photoFacts(new Uint8Array(makeBigJpeg()));
    const wide = photoFacts(new Uint8Array(makeJpeg(4100, 8)));
    const values = { ...base, comparison_type: '0', uuid: 'u' };
    const bigIssues = issuesFor(values, 'image_ref1', { image_ref1: big });
    expect(bigIssues.map((i) => i.severity)).toEqual(['warning']);
    expect(bigIssues[0]?.message).toMatch(/Downscale/);
    expect(issuesFor(values, 'image_ref1', { image_ref1: wide })[0]?.message).toMatch(/4100×8 px/);
  });

  it('refuses credentials in the form, and warns about unknown names without blocking them', () => {
    expect(issuesFor({ ...base, api_secret: 'x' }, 'api_secret')[0]?.severity).toBe('error');
    const unknown = validate({ ...base, idcard_name: 'x' });
    expect(unknown).toEqual([
      {
        field: 'idcard_name',
        severity: 'warning',
        message: 'idcard_name is not a documented get_token parameter; it will be sent as typed, and the service may ignore or refuse it.',
      },
    ]);
  });
});

describe('validation of URLs without "//"', () => {
  it('refuses https:host, which the service does not accept', () => {
    const issues = validate({
      return_url: 'https:bank.example/r',
      notify_url: 'https://bank.example/n',
      biz_no: 'x',
      comparison_type: '-1',
      uuid: 'u',
    });
    expect(issues.find((i) => i.field === 'return_url')?.message).toMatch(/not an absolute URL/);
  });
});
