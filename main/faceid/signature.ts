/**
 * The signature of the `return_url` / `notify_url` callbacks (faceid-api.md §4.2):
 * `sign = lowercase hex SHA-1(api_secret + data)` — plain SHA-1 of the concatenation, not HMAC.
 * `data` must be the exact string as received: re-serialised JSON no longer matches.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const SHA1_HEX = /^[0-9a-fA-F]{40}$/;

/** The `sign` the service sends with `data`, for an account's api_secret. */
export function signCallback(secret: string, data: string): string {
  return createHash('sha1')
    .update(secret + data, 'utf8')
    .digest('hex');
}

/**
 * Whether `sign` is the genuine signature of `data` under `secret`. Hex is compared case-
 * insensitively (the docs show lowercase; an upper-case copy is the same digest) and in constant
 * time, so a forger learns nothing from timing. Surrounding whitespace is ignored (a pasted sign
 * often ends with a newline); anything else that is not 40 hex digits is false.
 */
export function verifyCallbackSignature(secret: string, data: string, sign: string): boolean {
  const candidate = typeof sign === 'string' ? sign.trim() : '';
  if (!SHA1_HEX.test(candidate)) return false;
  const expected = Buffer.from(signCallback(secret, data), 'hex');
  return timingSafeEqual(expected, Buffer.from(candidate, 'hex'));
}
