// Raw HTTP/1.1 over node:net, for tests that must send what fetch and http.request would
// normalise or refuse to send: `//` targets, bad escapes, NUL, bodies cut off mid-stream.
import { connect } from 'node:net';

export interface RawReply {
  /** 0 when the server closed the connection without an answer. */
  status: number;
  headers: Record<string, string>;
  body: string;
  ms: number;
}

export interface RawRequest {
  method?: string;
  target: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send only this many bytes of the whole request, then close our side. */
  cutAfter?: number;
  /** Give up (and report status 0) after this long; default 5 s. */
  timeoutMs?: number;
}

function parse(all: Buffer, ms: number): RawReply {
  // Interim answers (100 Continue) precede the real one.
  let raw = all;
  while (/^HTTP\/1\.[01] 1\d\d /.test(raw.toString('latin1', 0, 16)) && raw.includes('\r\n\r\n')) raw = raw.subarray(raw.indexOf('\r\n\r\n') + 4);
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = end < 0 ? '' : raw.subarray(Buffer.byteLength(text.slice(0, end + 4), 'latin1')).toString('utf8');
  return { status, headers, body, ms };
}

/** Sends one request on a fresh connection (Connection: close) and reads the whole answer. */
export function rawRequest(port: number, r: RawRequest): Promise<RawReply> {
  const started = Date.now();
  const body = typeof r.body === 'string' ? Buffer.from(r.body) : r.body;
  const framed = Object.keys(r.headers ?? {}).some((k) => /^(content-length|transfer-encoding)$/i.test(k));
  const headers = { Connection: 'close', ...(body && !framed ? { 'Content-Length': String(body.length) } : {}), ...r.headers };
  const head = `${r.method ?? 'GET'} ${r.target} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  let bytes = Buffer.concat([Buffer.from(head, 'latin1'), body ?? Buffer.alloc(0)]);
  if (r.cutAfter !== undefined) bytes = bytes.subarray(0, r.cutAfter);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port });
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(chunks), Date.now() - started));
    };
    const timer = setTimeout(done, r.timeoutMs ?? 5000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes, () => {
      if (r.cutAfter !== undefined) socket.end();
    });
  });
}
