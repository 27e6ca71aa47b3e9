import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactValue, secretForms, secretsIn } from '../../main/vault/redact';

const SECRET = 'Sx "7" <&> +/ q=1';

describe('redaction', () => {
  it('scrubs a secret in each form an echo gives it: typed, URL-encoded, form-encoded, JSON- and HTML-escaped', () => {
    const echoes = [
      `api_secret=${SECRET}`,
      `GET /get_result?api_secret=${encodeURIComponent(SECRET)}`,
      `body: ${new URLSearchParams({ api_secret: SECRET }).toString()}`,
      JSON.stringify({ echo: SECRET }),
      `<pre>${SECRET.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</pre>`,
    ];
    for (const text of echoes) {
      const out = redactText(text, [SECRET]);
      expect(out, text).toContain(REDACTED);
      for (const form of secretForms(SECRET)) expect(out, text).not.toContain(form);
    }
  });

  it('scrubs object keys and secret-named fields in a deep copy, leaving byte arrays and the original alone', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const value = { [SECRET]: 'key named after it', nested: [{ note: `x${SECRET}y`, api_secret: 'short' }], bytes, n: 7 };
    const out = redactValue(value, [SECRET]);
    expect(out).toEqual({ [REDACTED]: 'key named after it', nested: [{ note: `x${REDACTED}y`, api_secret: REDACTED }], bytes, n: 7 });
    expect(out.bytes).toBe(bytes);
    expect(value.nested[0]?.note).toBe(`x${SECRET}y`);
  });

  it('leaves 1–3 character values alone, which would blank ordinary text', () => {
    expect(redactText('a 1 of 123', ['1', '123'])).toBe('a 1 of 123');
  });

  it('finds the secrets a request carries in secret-named fields', () => {
    expect(secretsIn({ profile: { name: 'P', secret: 'new-secret-1' }, api_secret: 'two-secret' })).toEqual(['new-secret-1', 'two-secret']);
    expect(secretsIn({ profileId: 'p' })).toEqual([]);
  });

  it('leaves no form of any secret in any text it was pasted into, in any form', () => {
    // Secrets as services issue them (no brackets, which the marker itself is made of).
    const secret = fc.string({ unit: fc.constantFrom(...'abcXYZ0189-_+/=% "<&>\''.split('')), minLength: 4, maxLength: 24 });
    fc.assert(
      fc.property(secret, fc.array(fc.tuple(fc.string(), fc.nat(4))), (s, pieces) => {
        const forms = secretForms(s);
        const text = pieces.map(([t, i]) => `${t}${forms[i % forms.length]}`).join('');
        const out = redactText(text, [s]);
        return forms.every((f) => !out.includes(f));
      }),
      { numRuns: 500 },
    );
  });
});
