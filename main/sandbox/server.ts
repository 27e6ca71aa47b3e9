/**
 * The embedded FaceID emulator: an HTTP server on 127.0.0.1 answering the documented paths with
 * the documented bodies, so the console and its tests do something real with no credentials.
 * Every JSON body, success or error, carries `request_id` ("<unix seconds>,<uuid4>") and
 * `time_used` (whole ms), as the service's do.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SANDBOX_DEFAULT_HOST, SANDBOX_SCENES } from './defaults';
import { handleGetToken } from './get-token';
import { serialId } from './ids';
import { discardRest, parseForm, type ReceivedForm } from './multipart';
import type { IssuedToken } from './tokens';

export type { IssuedToken } from './tokens';

export interface SandboxOptions {
  /** 127.0.0.1 by default. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  apiKey: string;
  apiSecret: string;
  /** Injected clock, ms since the epoch: drives request_id, biz_id and expired_time. */
  now?: () => number;
  /** Scene id → flow timeout in seconds. Defaults to SANDBOX_SCENES. */
  scenes?: Readonly<Record<string, number>>;
  /**
   * Listen on a non-loopback address. Refused unless set: the sandbox accepts any caller that
   * knows its well-known default credentials, so it must not be reachable by accident.
   */
  exposeBeyondLoopback?: boolean;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:40123 — what a profile's base URL should be. */
  baseUrl: string;
  port: number;
  apiKey: string;
  apiSecret: string;
  /** Tokens issued so far, by token (for the liveness page and get_result). */
  tokens: Map<string, IssuedToken>;
  close(): Promise<void>;
}

const GET_TOKEN_PATH = '/faceid/lite/get_token';

const TOO_LARGE_HTML =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** How much of an oversized body is read and thrown away after the 413 before hanging up. */
const LINGER_CAP_BYTES = 64 * 1024 * 1024;

/** Whether a host name or address only reaches this machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function checkOptions(o: SandboxOptions): void {
  if (typeof o.apiKey !== 'string' || o.apiKey === '') throw new Error('The sandbox needs a non-empty apiKey.');
  if (typeof o.apiSecret !== 'string' || o.apiSecret === '') throw new Error('The sandbox needs a non-empty apiSecret.');
  const port = o.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`The sandbox port must be a whole number from 0 to 65535, not ${port}.`);
  const host = o.host ?? SANDBOX_DEFAULT_HOST;
  if (!isLoopbackHost(host) && !o.exposeBeyondLoopback) {
    throw new Error(`Refusing to serve the sandbox on ${host}: it is not a loopback address (set exposeBeyondLoopback to mean it).`);
  }
  for (const [id, seconds] of Object.entries(o.scenes ?? {})) {
    if (id === '' || !Number.isInteger(seconds) || seconds <= 0) throw new Error(`Scene "${id}" needs a positive whole number of seconds, not ${seconds}.`);
  }
}

/** The address clients should use: a wildcard listen address is reached through loopback. */
function clientHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the sandbox and resolves once it listens. */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  checkOptions(options);
  const now = options.now ?? Date.now;
  const scenes = { ...(options.scenes ?? SANDBOX_SCENES) };
  const tokens = new Map<string, IssuedToken>();

  const sendJson = (res: ServerResponse, status: number, body: Record<string, string | number>, startedAt: number) => {
    // time_used measures real work (monotonic clock), not the injected clock, which tests freeze.
    const payload = { request_id: serialId(now()), ...body, time_used: Math.round(performance.now() - startedAt) };
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(payload));
  };

  async function getToken(req: IncomingMessage, res: ServerResponse, startedAt: number): Promise<void> {
    const form = await parseForm(req);
    if (form.kind === 'too-large') {
      res.writeHead(413, { 'Content-Type': 'text/html' });
      res.end(TOO_LARGE_HTML);
      if (!form.drained) discardRest(req, LINGER_CAP_BYTES);
      return;
    }
    // A body that is no form carries no arguments; the first one the service looks for is api_key.
    const received: ReceivedForm = form.kind === 'ok' ? form : { fields: new Map(), files: new Map() };
    const reply = handleGetToken(received, { apiKey: options.apiKey, apiSecret: options.apiSecret, scenes, nowMs: now() });
    if (reply.issued) tokens.set(reply.issued.token, reply.issued);
    sendJson(res, reply.status, reply.body, startedAt);
  }

  async function route(req: IncomingMessage, res: ServerResponse, startedAt: number): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://sandbox.invalid').pathname;
    // Only POST is documented for get_token; any other method or path is a path the service lacks.
    if (path === GET_TOKEN_PATH && req.method === 'POST') return getToken(req, res, startedAt);
    req.resume();
    sendJson(res, 404, { error_message: 'API_NOT_FOUND' }, startedAt);
  }

  const server = createServer((req, res) => {
    const startedAt = performance.now();
    route(req, res, startedAt).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error_message: 'INTERNAL_ERROR' }, startedAt);
      else res.destroy();
    });
  });
  const host = options.host ?? SANDBOX_DEFAULT_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://${clientHost(host)}:${port}`,
    port,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    tokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
