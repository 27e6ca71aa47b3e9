/**
 * Raw HTTP/1.1 over node:net, for requests no HTTP client would send: `//` targets, bad escapes,
 * NUL, broken framing, lies in Content-Length, bodies cut anywhere, a client that stops half-way.
 *
 * `rawExchange` writes bytes and reads until the server closes; `frame` and `rawPost` build those
 * bytes; `rawRequest` is the two together for one request.
 */
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface RawReply {
  /** 0 when the connection ended without an answer. */
  status: number;
  headers: Record<string, string>;
  /** The body as UTF-8 text (de-chunked, cut at Content-Length). */
  body: string;
  /** The same body as bytes. */
  bytes: Buffer;
  ms: number;
}

export interface RawOptions {
  /** Half-close the connection after writing (default true), as `curl` does at the end of input. */
  end?: boolean;
  /** Give up (and destroy the socket) after this long; the reply then has status 0. Default 10 s. */
  timeoutMs?: number;
}

export interface RawRequest {
  method?: string;
  target: string;
  /** Sent as given, empty values included; Connection: close and Content-Length are added unless given. */
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send only this many bytes of the whole request, then close our side. */
  cutAfter?: number;
  /** Give up (and report status 0) after this long; default 5 s. */
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

/** The bytes of one request (cut short with `cutAfter`). */
export function frame(r: RawRequest): Buffer {
  const body = typeof r.body === 'string' ? Buffer.from(r.body) : r.body;
  const framed = Object.keys(r.headers ?? {}).some((k) => /^(content-length|transfer-encoding)$/i.test(k));
  const headers = { Connection: 'close', ...(body && !framed ? { 'Content-Length': String(body.length) } : {}), ...r.headers };
  const head = `${r.method ?? 'GET'} ${r.target} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  const bytes = Buffer.concat([Buffer.from(head, 'latin1'), body ?? Buffer.alloc(0)]);
  return r.cutAfter === undefined ? bytes : bytes.subarray(0, r.cutAfter);
}

/** Sends one request on a fresh connection and reads the whole answer; our side stays open unless the request is cut. */
export function rawRequest(port: number, r: RawRequest): Promise<RawReply> {
  return rawExchange(port, frame(r), { end: r.cutAfter !== undefined, timeoutMs: r.timeoutMs ?? 5000 });
}

/** A POST with a body and headers of the caller's choosing; Host and Content-Length are the defaults, a header given as '' is left out. */
export function rawPost(path: string, body: Uint8Array | string, headers: Record<string, string> = {}): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  const all = Object.entries({ Host: '127.0.0.1', Connection: 'close', 'Content-Length': String(bytes.length), ...headers }).filter(
    ([, v]) => v !== '',
  );
  return frame({ method: 'POST', target: path, headers: Object.fromEntries(all), body: bytes });
}

function parse(all: Buffer): Omit<RawReply, 'ms'> {
  // Interim answers (100 Continue) precede the real one.
  let raw = all;
  while (/^HTTP\/1\.[01] 1\d\d /.test(raw.toString('latin1', 0, 16)) && raw.includes('\r\n\r\n'))
    raw = raw.subarray(raw.indexOf('\r\n\r\n') + 4);
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) return { status: 0, headers: {}, body: '', bytes: Buffer.alloc(0) };
  const [statusLine = '', ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  let bytes = raw.subarray(split + 4);
  if (headers['transfer-encoding'] === 'chunked') bytes = unchunk(bytes);
  else if (headers['content-length'] !== undefined) bytes = bytes.subarray(0, Number(headers['content-length']));
  return { status, headers, body: bytes.toString('utf8'), bytes };
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
