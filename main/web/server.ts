/**
 * The browser shell: serves the built renderer and the same handler table as the Electron shell,
 * on 127.0.0.1 only. A per-launch random token (in the printed URL, then an HttpOnly SameSite
 * cookie) is checked on every request, together with Host and Origin.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { OP_NAMES, type OpName } from '../../core/api';
import { MAX_REQUEST_BYTES } from '../../core/limits';
import type { HandlerTable } from '../services/handlers';
import { TOKEN_COOKIE, checkRequest } from './guard';

export interface WebShellOptions {
  handlers: HandlerTable;
  rendererDir: string;
  port?: number;
  /** Injected for tests; random per launch otherwise. */
  token?: string;
}

export interface WebShell {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}


const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...baseHeaders(), 'Content-Type': type, ...extra });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the browser shell on 127.0.0.1 and resolves once it listens. */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;

  async function serveStatic(pathname: string, res: ServerResponse, setCookie?: string): Promise<void> {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const file = normalize(join(options.rendererDir, rel));
    if (!file.startsWith(normalize(options.rendererDir) + sep)) return send(res, 404, 'Not found', 'text/plain');
    try {
      const body = await readFile(file);
      send(res, 200, body, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', setCookie ? { 'Set-Cookie': setCookie } : {});
    } catch {
      send(res, 404, 'Not found', 'text/plain');
    }
  }

  async function serveApi(op: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!(OP_NAMES as readonly string[]).includes(op)) return send(res, 404, JSON.stringify({ error: `Unknown operation ${op}` }), 'application/json');
    if (req.method !== 'POST') return send(res, 405, 'Use POST', 'text/plain', { Allow: 'POST' });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, 'Send application/json', 'text/plain');
    }
    const text = await readBody(req);
    if (text === null) return send(res, 413, 'Request too large', 'text/plain');
    let payload: unknown;
    try {
      payload = text === '' ? {} : JSON.parse(text);
    } catch {
      return send(res, 200, JSON.stringify({ ok: false, error: { code: 'BAD_REQUEST', message: 'The request body is not JSON.' } }), 'application/json');
    }
    const result = await options.handlers[op as OpName](payload);
    send(res, 200, JSON.stringify(result), 'application/json');
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const urlToken = req.method === 'GET' && url.pathname === '/' ? url.searchParams.get('token') : null;
    const verdict = checkRequest(req, port, token, urlToken);
    if (verdict) return send(res, verdict.status, verdict.reason, 'text/plain; charset=utf-8');
    if (urlToken) {
      // Trade the launch token for a cookie and drop it from the address bar and history.
      const cookie = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      return send(res, 303, '', 'text/plain', { Location: '/', 'Set-Cookie': cookie });
    }
    const work = url.pathname.startsWith('/api/')
      ? serveApi(url.pathname.slice('/api/'.length), req, res)
      : req.method === 'GET'
        ? serveStatic(url.pathname, res)
        : Promise.resolve(send(res, 405, 'Method not allowed', 'text/plain'));
    work.catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
