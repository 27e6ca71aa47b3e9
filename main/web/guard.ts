import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'faceid_console_token';

/** Why a request was refused, or null when it may proceed. */
export type GuardVerdict = { status: number; reason: string } | null;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The value of one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Checks what every request to the browser shell must satisfy: a Host naming our loopback
 * address and port (defeats DNS rebinding), an Origin — when the browser sends one — that is
 * ours (defeats cross-site calls), and the per-launch token from the cookie or the launch URL.
 */
export function checkRequest(req: IncomingMessage, port: number, token: string, urlToken: string | null): GuardVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowedHosts.includes(host)) return { status: 421, reason: `Host "${host}" is not this console.` };
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null' && !allowedHosts.some((h) => origin === `http://${h}`)) {
    return { status: 403, reason: `Cross-origin request from ${origin} refused.` };
  }
  if (origin === 'null') return { status: 403, reason: 'Requests from opaque origins are refused.' };
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') return { status: 403, reason: 'Cross-site request refused.' };
  const presented = urlToken ?? readCookie(req.headers.cookie, TOKEN_COOKIE);
  if (!presented || !sameSecret(presented, token)) {
    return { status: 401, reason: 'Open the console with the URL printed at launch; it carries the access token.' };
  }
  return null;
}
