/**
 * One HTTP exchange with the service, as both get_token and get_result make it: a fresh
 * connection, a timeout over the whole call, cancellation, and — what decides the outcome — how far
 * the request got when something broke. It never rejects; callers classify what it returns.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import type { ErrorCode } from '../../core/faceid/errors';
import type { ExchangeRecord, ExchangeTimings } from '../../core/faceid/exchange-record';
import { msg, type MessageRef } from '../../core/i18n/render';

/** How far a request got: still connecting (incl. TLS), sending its body, or fully sent. */
export type SendStage = 'connecting' | 'sending' | 'sent';
export type Interruption = Extract<ErrorCode, 'NETWORK_ERROR' | 'TIMEOUT' | 'CONNECTION_LOST' | 'CANCELLED'>;

export interface ExchangeRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Piped into the request (a form-data stream); none for a GET. */
  body?: NodeJS.ReadableStream;
  timeoutMs: number;
  signal?: AbortSignal;
  /** An answer larger than this is not the service's JSON; the rest is not read. */
  maxAnswerBytes: number;
}

export type ExchangeEnd =
  | { kind: 'answer'; status: number; body: string; elapsedMs: number; record: ExchangeRecord }
  | {
      kind: 'interrupted';
      stage: SendStage;
      code: Interruption;
      context: MessageRef;
      elapsedMs: number;
      partial?: string;
      record: ExchangeRecord;
    };

/** Milliseconds with one decimal (sub-millisecond phases on loopback are not all zero). */
const ms = (from: number, to: number): number => Math.max(0, Math.round((to - from) * 10) / 10);

/**
 * The phases of one exchange as the client saw them, from the instants it noted (performance.now()):
 * a phase that never began is absent, so an interrupted call shows how far it got.
 */
export function phaseTimings(t: {
  start: number;
  connected?: number;
  secured?: number;
  sent?: number;
  headers?: number;
  end: number;
}): ExchangeTimings {
  const out: ExchangeTimings = { totalMs: ms(t.start, t.end) };
  if (t.connected !== undefined) out.connectMs = ms(t.start, t.connected);
  if (t.secured !== undefined && t.connected !== undefined) out.tlsMs = ms(t.connected, t.secured);
  const ready = t.secured ?? t.connected;
  // node may report the body 'finish'ed (buffered) before the socket is up: upload starts when it is.
  const sent = t.sent !== undefined && ready !== undefined ? Math.max(t.sent, ready) : undefined;
  if (sent !== undefined && ready !== undefined) out.uploadMs = ms(ready, sent);
  if (t.headers !== undefined) {
    const from = sent ?? ready ?? t.start;
    out.waitMs = ms(from, t.headers);
    out.downloadMs = ms(t.headers, t.end);
  }
  return out;
}

/** Plain words for a socket error. */
export function networkContext(e: NodeJS.ErrnoException): MessageRef {
  const code = e.code ?? '';
  if (code === 'ECONNREFUSED') return msg('errors', 'context.refused', { detail: e.message });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return msg('errors', 'context.dns', { detail: e.message });
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO/.test(code)) return msg('errors', 'context.tls', { code });
  return msg('errors', 'context.system', { detail: `${code ? `${code}: ` : ''}${e.message}` });
}

/** Makes the exchange; resolves with the complete answer or with where and why it broke off. */
export function exchange(r: ExchangeRequest): Promise<ExchangeEnd> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const isHttps = r.url.protocol === 'https:';
  const at: { connected?: number; secured?: number; sent?: number; headers?: number } = {};
  let responseHeaders: [string, string][] = [];
  let httpVersion: string | undefined;
  const record = (): ExchangeRecord => ({
    requestLine: `${r.method} ${r.url.pathname}${r.url.search ? '?…' : ''} HTTP/1.1`,
    host: r.url.host,
    requestHeaders: Object.entries(r.headers),
    responseHeaders,
    httpVersion,
    timings: phaseTimings({ start: started, ...at, end: performance.now() }),
  });
  if (r.signal?.aborted)
    return Promise.resolve({
      kind: 'interrupted',
      stage: 'connecting',
      code: 'CANCELLED',
      context: msg('errors', 'context.cancelledBeforeAnything'),
      elapsedMs: 0,
      record: record(),
    });

  return new Promise<ExchangeEnd>((resolve) => {
    // Two facts, since either can come first: node buffers writes made before the connection (or
    // the TLS handshake) is up, and may report the body 'finish'ed while nothing has left yet.
    let connected = false;
    let handedOver = false;
    const stage = (): SendStage => (!connected ? 'connecting' : handedOver ? 'sent' : 'sending');
    let answer: IncomingMessage | undefined;
    let settled = false;
    const finish = (end: ExchangeEnd) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      r.signal?.removeEventListener('abort', onAbort);
      resolve(end);
    };
    const broke = (code: Interruption, context: MessageRef, partial?: string) =>
      finish({ kind: 'interrupted', stage: stage(), code, context, elapsedMs: elapsed(), partial, record: record() });

    const onAnswer = (res: IncomingMessage) => {
      answer = res;
      at.headers = performance.now();
      httpVersion = res.httpVersion;
      responseHeaders = [];
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) responseHeaders.push([res.rawHeaders[i] ?? '', res.rawHeaders[i + 1] ?? '']);
      const chunks: Buffer[] = [];
      let size = 0;
      const body = () => Buffer.concat(chunks).toString('utf8');
      const complete = () => finish({ kind: 'answer', status: res.statusCode ?? 0, body: body(), elapsedMs: elapsed(), record: record() });
      res.on('data', (c: Buffer) => {
        if (size >= r.maxAnswerBytes) return;
        chunks.push(c);
        size += c.length;
        if (size >= r.maxAnswerBytes) res.destroy();
      });
      res.on('end', complete);
      res.on('close', () => {
        if (size >= r.maxAnswerBytes) return complete();
        // 'close' without 'end': the connection broke mid-answer.
        if (!res.complete)
          broke('CONNECTION_LOST', msg('errors', 'context.cutOff', { status: res.statusCode ?? 0 }), chunks.length ? body() : undefined);
      });
      res.on('error', () => {
        /* reported through 'close' */
      });
    };

    const req: ClientRequest = (isHttps ? httpsRequest : httpRequest)(
      r.url,
      { method: r.method, headers: r.headers, agent: false },
      onAnswer,
    );
    req.on('socket', (socket) => {
      // TLS counts as connecting: until the handshake is done, nothing of the request has left.
      socket.once('connect', () => {
        at.connected = performance.now();
      });
      socket.once(isHttps ? 'secureConnect' : 'connect', () => {
        if (isHttps) at.secured = performance.now();
        connected = true;
      });
    });
    req.on('finish', () => {
      at.sent = performance.now();
      handedOver = true;
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      // Once an answer has started (e.g. an early 413 while we were still uploading), the answer
      // decides: write errors that follow are the server hanging up on the rest of the upload.
      if (answer) return;
      broke(stage() === 'connecting' ? 'NETWORK_ERROR' : 'CONNECTION_LOST', networkContext(e));
    });
    const timer = setTimeout(() => {
      broke(
        'TIMEOUT',
        msg('errors', stage() === 'connecting' ? 'context.connectTimeout' : 'context.answerTimeout', { seconds: r.timeoutMs / 1000 }),
      );
      req.destroy();
    }, r.timeoutMs);
    function onAbort() {
      broke('CANCELLED', msg('errors', stage() === 'sent' ? 'context.cancelledAfterSent' : 'context.cancelledWhileSending'));
      req.destroy();
    }
    r.signal?.addEventListener('abort', onAbort, { once: true });
    if (r.body) r.body.pipe(req);
    else req.end();
  });
}
