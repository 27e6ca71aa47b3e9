import { describe, expect, it } from 'vitest';
import { signCallback, verifyCallbackSignature } from '../../main/faceid/signature';

describe('callback signature', () => {
  it('is plain lowercase-hex SHA-1 of secret followed by data, not an HMAC', () => {
    // FIPS 180 test vector: SHA-1("abc"). Split as secret "a" + data "bc" it proves the order.
    expect(signCallback('a', 'bc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(signCallback('bc', 'a')).not.toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });

  it('signs the exact UTF-8 bytes of data', () => {
    const data = '{"status":"OK","biz_info":{"biz_extra_data":"café"}}';
    expect(signCallback('s', data)).toMatch(/^[0-9a-f]{40}$/);
    expect(signCallback('s', data)).not.toBe(signCallback('s', data.replace('é', 'e')));
  });

  it('accepts the genuine sign in either letter case and with surrounding whitespace', () => {
    const data = '{"status":"OK"}';
    const sign = signCallback('secret', data);
    expect(verifyCallbackSignature('secret', data, sign)).toBe(true);
    expect(verifyCallbackSignature('secret', data, sign.toUpperCase())).toBe(true);
    expect(verifyCallbackSignature('secret', data, `${sign}\n`)).toBe(true);
  });

  it('rejects a one-byte change of data or of sign, another secret, and malformed signs', () => {
    const data = '{"status":"OK","liveness_result":{"result":"PASS"}}';
    const sign = signCallback('secret', data);
    for (let i = 0; i < data.length; i += 7) {
      const changed = data.slice(0, i) + String.fromCharCode(data.charCodeAt(i) ^ 1) + data.slice(i + 1);
      expect(verifyCallbackSignature('secret', changed, sign), `data byte ${i}`).toBe(false);
    }
    for (let i = 0; i < sign.length; i++) {
      const changed = sign.slice(0, i) + (sign[i] === '0' ? '1' : '0') + sign.slice(i + 1);
      expect(verifyCallbackSignature('secret', data, changed), `sign char ${i}`).toBe(false);
    }
    expect(verifyCallbackSignature('other', data, sign)).toBe(false);
    for (const bad of ['', sign.slice(0, 39), `${sign}0`, `${sign.slice(0, 39)}g`, 'x'.repeat(40)])
      expect(verifyCallbackSignature('secret', data, bad), bad).toBe(false);
  });
});
