/**
 * Raw HTTP over node:net, for requests no HTTP client would send: broken framing, lies in
 * Content-Length, bodies cut anywhere, a client that stops half-way.
 */
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface RawReply {
  /** 0 when the connection ended without an answer. */
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  ms: number;
}

export interface RawOptions {
  /** Half-close the connection after writing (default true), as `curl` does at the end of input. */
  end?: boolean;
  /** Give up (and destroy the socket) after this long; the reply then has status 0. */
  timeoutMs?: number;
}

/** Writes `bytes` to port on 127.0.0.1 and reads until the server closes (or the timeout). */
export function rawExchange(port: number, bytes: Uint8Array | string, options: RawOptions = {}): Promise<RawReply> {
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ port, host: '127.0.0.1' });
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parse(Buffer.concat(chunks)), ms: performance.now() - started });
    };
    const timer = setTimeout(finish, options.timeoutMs ?? 10_000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', finish);
    socket.write(bytes, () => {
      if (options.end ?? true) socket.end();
    });
  });
}

function parse(raw: Buffer): Omit<RawReply, 'ms'> {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) return { status: 0, headers: {}, body: Buffer.alloc(0) };
  const [statusLine = '', ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  let body = raw.subarray(split + 4);
  if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
  else if (headers['content-length'] !== undefined) body = body.subarray(0, Number(headers['content-length']));
  return { status, headers, body };
}

function unchunk(data: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    out.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

/** A POST to get_token with a body and headers of the caller's choosing; Content-Length is the body's unless given. */
export function rawPost(path: string, body: Uint8Array | string, headers: Record<string, string> = {}): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  const all = { Host: '127.0.0.1', Connection: 'close', 'Content-Length': String(bytes.length), ...headers };
  const head = `POST ${path} HTTP/1.1\r\n${Object.entries(all)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}
