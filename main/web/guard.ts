/**
 * The browser shell's checks on who is calling. Every request must name this console in `Host`
 * (against DNS rebinding) and must not come from another site or another loopback port
 * (`Origin`, `Sec-Fetch-Site`). API calls must also carry the per-launch token in the
 * `X-FaceID-Console-Token` header.
 *
 * Why a header and not a cookie: cookies ignore ports, so a cookie for 127.0.0.1 would be sent to
 * every local service (the sandbox's liveness page, any other process) and could be collected
 * there. A header is sent only by our own page's script, and being non-simple it forces a CORS
 * preflight on any cross-origin attempt, which the shell never approves.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { msg, type MessageRef } from '../../core/i18n/render';

/** The request header that carries the per-launch access token on /api/* calls. */
export const TOKEN_HEADER = 'x-faceid-console-token';
/** The cookie earlier versions set; never set now, cleared when a browser still sends it. */
export const LEGACY_TOKEN_COOKIE = 'faceid_console_token';

/** Why a request was refused, or null when it may proceed. */
export type GuardVerdict = { status: 401 | 403 | 421; code: string; reason: MessageRef } | null;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Checks Host, Origin and Sec-Fetch-Site: what every request, static or API, must satisfy. */
export function checkCaller(headers: IncomingHttpHeaders, port: number): GuardVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = (headers.host ?? '').toLowerCase();
  if (!allowedHosts.includes(host)) {
    return { status: 421, code: 'WRONG_HOST', reason: msg('console', 'web.wrongHost', { host: host.slice(0, 100), port }) };
  }
  const origin = single(headers.origin);
  if (origin === 'null') return { status: 403, code: 'FOREIGN_ORIGIN', reason: msg('console', 'web.opaqueOrigin') };
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
    return { status: 403, code: 'FOREIGN_ORIGIN', reason: msg('console', 'web.crossOrigin', { origin: origin.slice(0, 100) }) };
  }
  // same-site covers another port on 127.0.0.1: sites ignore ports, this console does not.
  const site = single(headers['sec-fetch-site']);
  if (site === 'cross-site' || site === 'same-site')
    return { status: 403, code: 'FOREIGN_ORIGIN', reason: msg('console', 'web.crossSite', { site }) };
  return null;
}

/** Checks the per-launch token an API call presents in its header. */
export function checkToken(headers: IncomingHttpHeaders, token: string): GuardVerdict {
  const presented = single(headers[TOKEN_HEADER]);
  if (!presented || !sameSecret(presented, token)) {
    return {
      status: 401,
      code: 'UNAUTHENTICATED',
      reason: msg('console', presented ? 'web.tokenWrong' : 'web.tokenMissing'),
    };
  }
  return null;
}

/** True when the browser still sends the cookie earlier versions set. */
export function hasLegacyCookie(cookieHeader: string | undefined): boolean {
  return (cookieHeader ?? '').split(';').some((part) => part.trim().startsWith(`${LEGACY_TOKEN_COOKIE}=`));
}
