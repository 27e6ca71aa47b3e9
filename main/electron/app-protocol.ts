/**
 * The renderer's own origin, `app://console`, served by a privileged custom scheme instead of
 * file:// (which would give the page the whole disk as its origin). Only files inside the built
 * renderer folder are answered — a path that escapes it, by `..`, an encoded separator or a
 * symlink, is refused — each with its MIME type, a CSP header and nosniff. Pure Node: the Electron
 * entry registers it with `protocol.registerSchemesAsPrivileged` and `protocol.handle`.
 */
import { readFile, realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * Registered before the app is ready: standard (a real origin, relative URLs), secure (a secure
 * context, like https), fetch for module scripts. No CSP bypass, no service workers.
 */
export const APP_SCHEME_PRIVILEGES = { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } } as const;

/** The console's policy as a header (frame-ancestors only works there, not in the page's meta tag). */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Whether a URL is our own page (any hash): the entry, or the origin's root. */
export function isAppPage(url: string): boolean {
  return /^app:\/\/console\/(index\.html)?(#.*)?$/.test(url);
}

/** Whether a URL (or an origin) belongs to our own origin. */
export function isAppOrigin(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

const headers = (type: string): Record<string, string> => ({
  'Content-Type': type,
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
});

const refuse = (status: number, why: string) => new Response(why, { status, headers: headers('text/plain; charset=utf-8') });

/**
 * The file under `root` a request names, or why it is refused. Decoding happens once, then any
 * `..` segment, backslash, NUL or empty segment is refused before the path is even resolved.
 */
export function resolveAppPath(root: string, url: string): { file: string } | { status: number; why: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { status: 400, why: 'Not a URL.' };
  }
  if (`${u.protocol}//${u.host}` !== APP_ORIGIN) return { status: 404, why: 'Unknown host.' };
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return { status: 400, why: 'Malformed percent-encoding in the path.' };
  }
  if (path === '/') path = '/index.html';
  const segments = path.slice(1).split('/');
  if (path.includes('\\') || path.includes('\0') || segments.some((s) => s === '..' || s === '.' || s === '')) {
    return { status: 403, why: 'Path refused.' };
  }
  const base = resolve(root);
  const file = resolve(base, ...segments);
  if (!file.startsWith(base + sep)) return { status: 403, why: 'Path refused.' };
  return { file };
}

/** The `protocol.handle` handler serving the built renderer folder; files of unlisted types are not served. */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  let rootReal: Promise<string> | undefined;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Only GET and HEAD.');
    const target = resolveAppPath(rendererDir, request.url);
    if (!('file' in target)) return refuse(target.status, target.why);
    const type = MIME[extname(target.file).toLowerCase()];
    if (!type) return refuse(404, 'Not found.');
    try {
      // A symlink inside the folder must not lead out of it.
      rootReal ??= realpath(resolve(rendererDir));
      const [root, real] = await Promise.all([rootReal, realpath(target.file)]);
      if (!real.startsWith(root + sep)) return refuse(403, 'Path refused.');
      const body = await readFile(real);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: headers(type) });
    } catch {
      return refuse(404, 'Not found.');
    }
  };
}
