/**
 * The browser shell: serves the built renderer and the same handler table as the Electron shell,
 * on 127.0.0.1 only. Every request names this console in Host and comes from no other site or
 * port (guard.ts); API calls also carry the per-launch token in a header. The token reaches the
 * page in the launch URL's fragment (`/#token=…`), which browsers never send to any server, so it
 * is in no request line, no log and no cookie jar shared with other loopback ports.
 *
 * Every request listener assumes a hostile caller (any web page can make the browser send one):
 * nothing that can throw runs outside a guard, malformed targets get 400, and the server's
 * timeouts are explicit (WEB_SHELL_TIMEOUTS).
 */
import { randomBytes } from 'node:crypto';
import { STATUS_CODES, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { HandlerTable } from '../services/handlers';
import type { DownloadTickets } from '../services/export-ops';
import { serveApi } from './api-route';
import { serveDownload } from './download-route';
import { checkCaller, checkToken, hasLegacyCookie } from './guard';
import { answerApiError, answerText } from './respond';
import { serveStatic } from './static';
import { parseTarget } from './target';
import { faceidText } from '../../core/faceid/messages';
import { msg, type MessageRef } from '../../core/i18n/render';

/**
 * Timeouts suited to a UI on loopback, where a healthy browser sends a whole request in
 * milliseconds: 10 s for the headers, 60 s for the whole request (a staged photo is up to 12 MB,
 * a JSON body up to 16 MB), 5 s of idle keep-alive. A request that runs out of time gets 408.
 */
export const WEB_SHELL_TIMEOUTS = { headersMs: 10_000, requestMs: 60_000, keepAliveMs: 5_000 } as const;

export interface WebShellTimeouts {
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
}

export interface WebShellOptions {
  handlers: HandlerTable;
  rendererDir: string;
  port?: number;
  /** Injected for tests; random per launch otherwise. */
  token?: string;
  /** Injected for tests; WEB_SHELL_TIMEOUTS otherwise. */
  timeouts?: WebShellTimeouts;
  /** Exports waiting for their one-time GET /download/<ticket> (saveHistoryExport). */
  downloads?: DownloadTickets;
}

export interface WebShell {
  /** The launch URL, token in the fragment. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** The statuses the shell answers with; anything else would be a bug (the fuzz suite checks). */
export const WEB_SHELL_STATUSES = [200, 400, 401, 403, 404, 405, 408, 413, 414, 415, 417, 421, 431] as const;

/** Whether a target the parser refused was meant for the API (so the refusal is JSON). */
function isApiTarget(raw: string | undefined): boolean {
  return raw === '/api' || (raw ?? '').startsWith('/api/') || (raw ?? '').startsWith('/api?');
}

/** A whole answer written straight to a socket the HTTP machinery has handed over or given up on. */
function answerSocket(socket: Duplex, status: number, message: string, extra = ''): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n${extra}` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n\r\n${body}`,
  );
}

/** Answers a request the HTTP parser itself refused (or that timed out); never throws. */
function onClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  try {
    const pending = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) return void socket.destroy();
    if (err.code === 'HPE_HEADER_OVERFLOW') return answerSocket(socket, 431, 'The request headers are too large.');
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return answerSocket(socket, 408, 'The request took too long to arrive.');
    answerSocket(socket, 400, 'Malformed HTTP request.');
  } catch {
    socket.destroy();
  }
}

/** CONNECT and protocol upgrades bypass the request listener; the shell offers neither. */
function refuseTunnel(status: 400 | 405, message: string, extra = '') {
  return (_req: IncomingMessage, socket: Duplex) => {
    try {
      socket.on('error', () => socket.destroy());
      answerSocket(socket, status, message, extra);
    } catch {
      socket.destroy();
    }
  };
}

/** Starts the browser shell on 127.0.0.1 and resolves once it listens. */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const timeouts = options.timeouts ?? WEB_SHELL_TIMEOUTS;
  let port = 0;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = parseTarget(req.url);
    // API refusals are JSON, the rest plain text. They close the connection, so a body left
    // unread is never parsed as the next request.
    const api = target.ok ? target.segments[0] === 'api' : isApiTarget(req.url);
    // The API answers the reference (the renderer words it); a plain page is worded here, in English.
    const refuse = (status: number, code: string, words: MessageRef, headers?: Record<string, string>) =>
      api
        ? answerApiError(res, status, code, words, { close: true, headers })
        : answerText(res, status, faceidText(words), { close: true, headers });
    if (!target.ok) return refuse(target.status, 'BAD_TARGET', target.reason);
    const caller = checkCaller(req.headers, port);
    if (caller) return refuse(caller.status, caller.code, caller.reason);
    const extra = { clearLegacyCookie: hasLegacyCookie(req.headers.cookie) };
    if (api) {
      const denied = checkToken(req.headers, token);
      if (denied) return refuse(denied.status, denied.code, denied.reason);
      return serveApi(options.handlers, target.segments, req, res, extra);
    }
    if (target.segments[0] === 'download') return serveDownload(options.downloads, target.segments, req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(405, 'METHOD_NOT_ALLOWED', msg('console', 'web.pageMethod'), { Allow: 'GET, HEAD' });
    return serveStatic(options.rendererDir, target.segments, res, extra);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const fail = () => {
      // Only a bug of ours gets here: the handlers resolve to Results, never throw.
      if (!res.headersSent) answerText(res, 500, 'Internal error.', { close: true });
      else res.destroy();
    };
    try {
      route(req, res).catch(fail);
    } catch {
      fail();
    }
  };
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // Node checks the two timeouts above only this often (30 s by default).
      connectionsCheckingInterval: Math.min(1000, timeouts.headersMs),
    },
    listener,
  );
  // "Expect: 100-continue" is answered only once the call passed every check (api-route.ts), so
  // a refused client never sends its body; any other expectation gets Node's 417.
  server.on('checkContinue', listener);
  server.on('clientError', onClientError);
  server.on('connect', refuseTunnel(405, 'CONNECT is not served here.', 'Allow: GET, HEAD, POST\r\n'));
  server.on('upgrade', refuseTunnel(400, 'This server does not upgrade connections.'));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
