/**
 * The embedded FaceID emulator: an HTTP server on 127.0.0.1 answering the documented paths with
 * the documented bodies, so the console and its tests do something real with no credentials.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_SCENES } from './defaults';
import { handleGetToken, type IssuedToken } from './get-token';
import { serialId } from './ids';
import { parseForm } from './multipart';

export interface SandboxOptions {
  /** Loopback by default; the standalone CLI may be told otherwise explicitly. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  apiKey: string;
  apiSecret: string;
  /** Injected clock in ms. */
  now?: () => number;
  scenes?: Readonly<Record<string, number>>;
}

export interface Sandbox {
  baseUrl: string;
  port: number;
  apiKey: string;
  apiSecret: string;
  /** Tokens issued so far, by token. */
  tokens: Map<string, IssuedToken>;
  close(): Promise<void>;
}

const TOO_LARGE_HTML =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Starts the sandbox and resolves once it listens. */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const scenes = options.scenes ?? SANDBOX_SCENES;
  const tokens = new Map<string, IssuedToken>();

  const json = (res: ServerResponse, status: number, body: Record<string, unknown>, startedMs: number) => {
    const payload = { request_id: serialId(now()), ...body, time_used: Math.max(0, Math.round(now() - startedMs)) };
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(payload));
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = now();
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    if (path === '/faceid/lite/get_token' && req.method === 'POST') {
      const form = await parseForm(req);
      if (form.kind === 'too-large') {
        res.writeHead(413, { 'Content-Type': 'text/html', Connection: 'close' });
        res.end(TOO_LARGE_HTML);
        return;
      }
      if (form.kind === 'malformed') return json(res, 400, { error_message: 'MISSING_ARGUMENTS: api_key' }, started);
      const reply = handleGetToken(form.fields, form.files, { apiKey: options.apiKey, apiSecret: options.apiSecret, scenes, nowMs: now() });
      if (reply.issued) tokens.set(reply.issued.token, reply.issued);
      return json(res, reply.status, reply.body, started);
    }
    req.resume();
    json(res, 404, { error_message: 'API_NOT_FOUND' }, started);
  }

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) json(res, 500, { error_message: 'INTERNAL_ERROR' }, now());
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    tokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
