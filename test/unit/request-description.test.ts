import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeGetTokenRequest, endpointUrl, orderedFields, type GetTokenRequestParts } from '../../main/faceid/request';

const SECRET = 'Sup3r-Secret-Value';
const photo = new Uint8Array([0xff, 0xd8, 1, 2, 3, 0xff, 0xd9]);
const parts: GetTokenRequestParts = {
  baseUrl: 'https://api-idn.megvii.com/',
  apiKey: 'key-1',
  apiSecret: SECRET,
  params: {
    biz_extra_data: `pasted ${SECRET} by mistake`,
    comparison_type: '0',
    biz_no: 'b-1',
    uuid: 'c-1',
    return_url: 'https://r.example/',
    notify_url: 'https://n.example/',
    language: '',
    api_secret: 'ignored',
    image_ref1: 'text where a file belongs',
  },
  photos: { image_ref1: { bytes: photo, filename: 'me.jpg', contentType: 'image/jpeg' } },
};

describe('get_token request parts', () => {
  it('builds the endpoint from a base URL with or without trailing slashes or a prefix', () => {
    expect(endpointUrl('https://api-idn.megvii.com', '/faceid/lite/get_token').toString()).toBe(
      'https://api-idn.megvii.com/faceid/lite/get_token',
    );
    expect(endpointUrl('https://api-idn.megvii.com//', '/faceid/lite/get_token').toString()).toBe(
      'https://api-idn.megvii.com/faceid/lite/get_token',
    );
    expect(endpointUrl('http://127.0.0.1:7300/gw/', '/faceid/lite/get_token').toString()).toBe(
      'http://127.0.0.1:7300/gw/faceid/lite/get_token',
    );
  });

  it('refuses base URLs that are not plain http(s), saying why', () => {
    expect(() => endpointUrl('api-idn.megvii.com', '/x')).toThrow(/not an absolute URL/);
    expect(() => endpointUrl('ftp://h.example', '/x')).toThrow(/https or http, not ftp/);
    expect(() => endpointUrl('https://h.example/?a=1', '/x')).toThrow(/query string/);
  });

  it('orders text fields credentials first, then in catalogue order, leaving out empty values and misplaced names', () => {
    expect(orderedFields(parts).map(([n]) => n)).toEqual([
      'api_key',
      'api_secret',
      'return_url',
      'notify_url',
      'biz_no',
      'comparison_type',
      'uuid',
      'biz_extra_data',
    ]);
    expect(orderedFields(parts)[1]).toEqual(['api_secret', SECRET]);
  });
});

describe('redacted request description', () => {
  const d = describeGetTokenRequest(parts);

  it('describes method, URL and every field, with api_secret as [redacted]', () => {
    expect(d).toMatchObject({
      method: 'POST',
      url: 'https://api-idn.megvii.com/faceid/lite/get_token',
      contentType: 'multipart/form-data',
    });
    expect(d.fields.find((f) => f.name === 'api_secret')?.value).toBe('[redacted]');
    expect(d.fields.find((f) => f.name === 'api_key')?.value).toBe('key-1');
    expect(d.fields.find((f) => f.name === 'biz_no')?.value).toBe('b-1');
  });

  it('never contains the secret, not even where it was pasted into another field', () => {
    expect(JSON.stringify(d)).not.toContain(SECRET);
    expect(d.fields.find((f) => f.name === 'biz_extra_data')?.value).toBe('pasted [redacted] by mistake');
  });

  it('describes photos by name, size, SHA-256 and content type, never their bytes', () => {
    expect(d.files).toEqual([
      {
        name: 'image_ref1',
        filename: 'me.jpg',
        contentType: 'image/jpeg',
        size: photo.length,
        sha256: createHash('sha256').update(photo).digest('hex'),
      },
    ]);
  });
});
