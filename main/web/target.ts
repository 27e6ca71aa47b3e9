/**
 * Parsing of the request target, without `new URL` (which throws on `//`, `//@/` and friends and
 * once crashed the shell). The shell serves only what its own renderer asks for, so it accepts a
 * strict subset of origin-form and answers everything else 400 (or 414 when too long):
 * a single leading `/`, no empty segments, well-formed UTF-8 percent-escapes, no control
 * characters (NUL included) before or after decoding, no `#`. A query string is ignored.
 */
import { msg, type MessageRef } from '../../core/i18n/render';

/** Longer targets are refused with 414; the renderer's longest is a few dozen characters. */
export const MAX_TARGET_LENGTH = 2048;

export type Target = { ok: true; pathname: string; segments: string[] } | { ok: false; status: 400 | 414; reason: MessageRef };

// Bytes a request line may carry raw; anything else must be percent-escaped (RFC 3986 pchar).
const RAW_PATH = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

function bad(key: string): Target {
  return { ok: false, status: 400, reason: msg('console', `web.${key}`) };
}

/** Splits and decodes a raw request target; never throws. */
export function parseTarget(raw: string | undefined): Target {
  const target = raw ?? '';
  if (target.length > MAX_TARGET_LENGTH)
    return { ok: false, status: 414, reason: msg('console', 'web.targetTooLong', { max: MAX_TARGET_LENGTH }) };
  if (!target.startsWith('/')) return bad('targetNotPath');
  const q = target.indexOf('?');
  const pathname = q < 0 ? target : target.slice(0, q);
  if (!RAW_PATH.test(pathname)) return bad('targetRawChars');
  if (CONTROL.test(target)) return bad('targetControl');
  if (pathname === '/') return { ok: true, pathname, segments: [] };
  const rawSegments = pathname.slice(1).split('/');
  if (rawSegments.some((s) => s === '')) return bad('targetEmptySegment');
  const segments: string[] = [];
  for (const s of rawSegments) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(s);
    } catch {
      return bad('targetBadEscape');
    }
    if (CONTROL.test(decoded)) return bad('targetDecodesControl');
    segments.push(decoded);
  }
  return { ok: true, pathname, segments };
}
