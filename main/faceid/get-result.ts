/**
 * The FaceID client's get_result (faceid-api.md §5): a GET with the credentials in the query
 * string. Like getToken it never throws: every call ends as 'ok', 'failed' or 'unknown'. The
 * distinction matters because the service answers a finished result at most three times: a call
 * that was sent but got no complete answer ('unknown') may have used up one of those fetches.
 *
 * The api_secret travels in the URL, so the URL itself is never put into any text this module
 * returns, and every returned string is scrubbed of the secret (raw and URL-encoded) in case a
 * proxy echoed the request line back in an error page.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { GET_RESULT_PATH } from '../../core/faceid/endpoints';
import { explainConsoleError, readServiceBody, type ErrorCode, type ExplainedError } from '../../core/faceid/errors';
import type { VerificationData } from '../../core/faceid/verification';
import { redactValue } from '../vault/redact';
import type { SendStage } from './outcome';
import { endpointUrl } from './request';

export interface GetResultCall {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  bizId: string;
  /** "1": also return the best liveness frame as `images.image_best` (only for status OK). */
  returnImage?: '0' | '1';
  /** "1": also return when the verification happened. */
  returnVerifyTime?: '0' | '1';
  /** Whole call, connect to last byte of the answer. Default 30 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type GetResultResult =
  | { outcome: 'ok'; data: VerificationData; httpStatus: number; elapsedMs: number; rawBody: string }
  /** The service refused (nothing was fetched), or the request never fully left. */
  | { outcome: 'failed'; error: ExplainedError; httpStatus?: number; elapsedMs: number; rawBody?: string }
  /** Sent, but no complete readable answer: the service may have counted a fetch. */
  | { outcome: 'unknown'; error: ExplainedError; elapsedMs: number; rawBody?: string };

const DEFAULT_TIMEOUT_MS = 30_000;
/** Room for a base64 `image_best`; anything larger is not the service's JSON. */
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;
const PREVIEW_CHARS = 120;

const MAY_HAVE_COUNTED =
  'The request reached the service but no complete answer came back: the service may have counted this call as one of the three fetches it allows for a result.';
const NOT_COUNTED = 'The request was not completely sent, so no fetch was counted; it is safe to try again.';

/** The secret as it may appear in text: as typed, and as either URL encoding writes it. */
function secretForms(secret: string): string[] {
  const query = new URLSearchParams({ s: secret }).toString().slice(2);
  return [...new Set([secret, encodeURIComponent(secret), query])];
}

function networkContext(e: NodeJS.ErrnoException): string {
  const code = e.code ?? '';
  if (code === 'ECONNREFUSED') return `The connection was refused (nothing listens at that address): ${e.message}.`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `The host name could not be resolved (DNS): ${e.message}.`;
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO/.test(code)) return `The TLS connection could not be set up (${code}).`;
  return `${code ? `${code}: ` : ''}${e.message}.`;
}

type Interruption = Extract<ErrorCode, 'NETWORK_ERROR' | 'TIMEOUT' | 'CONNECTION_LOST' | 'CANCELLED'>;

/** A call that ended without a complete answer: 'unknown' once the request had left. */
function interruptedFetch(stage: SendStage, code: Interruption, context: string, elapsedMs: number, rawBody?: string): GetResultResult {
  if (stage === 'connecting' && code !== 'CANCELLED') return { outcome: 'failed', error: explainConsoleError('NETWORK_ERROR', context), elapsedMs };
  const base = explainConsoleError(code, context);
  if (stage === 'sent') return { outcome: 'unknown', error: { ...base, explanation: `${context} ${MAY_HAVE_COUNTED}`, retryable: false }, elapsedMs, rawBody };
  return { outcome: 'failed', error: { ...base, explanation: `${context} ${NOT_COUNTED}`, retryable: true }, elapsedMs, rawBody };
}

/**
 * Classifies a complete answer. Service errors (JSON with error_message) are 'failed'. An
 * unreadable 2xx or 5xx (a proxy page, truncated JSON) is 'unknown': the service may have
 * answered — and counted the fetch — behind the proxy. Unreadable 3xx/4xx are refusals.
 */
export function classifyResultAnswer(status: number, rawBody: string, elapsedMs: number): GetResultResult {
  const read = readServiceBody(status, rawBody);
  if (read.kind === 'error') {
    const uncertain = read.error.code === 'UNEXPECTED_RESPONSE' && ((status >= 200 && status < 300) || status >= 500);
    return uncertain ? { outcome: 'unknown', error: read.error, elapsedMs, rawBody } : { outcome: 'failed', error: read.error, httpStatus: status, elapsedMs, rawBody };
  }
  if (typeof read.json.status !== 'string' || read.json.status === '') {
    const preview = JSON.stringify(rawBody.slice(0, PREVIEW_CHARS)) + (rawBody.length > PREVIEW_CHARS ? '…' : '');
    const error = explainConsoleError('UNEXPECTED_RESPONSE', `HTTP ${status}: a success answer without status; body starts: ${preview}`, status);
    return { outcome: 'unknown', error, elapsedMs, rawBody };
  }
  // The shape beyond `status` is the service's to evolve; the reading code tolerates absent parts.
  return { outcome: 'ok', data: read.json as unknown as VerificationData, httpStatus: status, elapsedMs, rawBody };
}

/** The get_result URL with its query, in the documented parameter order (§5.1). */
function resultUrl(call: GetResultCall): URL {
  const url = endpointUrl(call.baseUrl, GET_RESULT_PATH);
  url.searchParams.set('api_key', call.apiKey);
  url.searchParams.set('api_secret', call.apiSecret);
  url.searchParams.set('biz_id', call.bizId);
  if (call.returnVerifyTime !== undefined) url.searchParams.set('return_verify_time', call.returnVerifyTime);
  if (call.returnImage !== undefined) url.searchParams.set('return_image', call.returnImage);
  return url;
}

/** Fetches a verification result by biz_id and classifies the outcome; resolves, never rejects. */
export async function getResult(call: GetResultCall): Promise<GetResultResult> {
  const r = await fetchResult(call);
  return redactValue(r, secretForms(call.apiSecret));
}

function fetchResult(call: GetResultCall): Promise<GetResultResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = resultUrl(call);
  } catch (e) {
    const error = explainConsoleError('NETWORK_ERROR', `Bad base URL: ${e instanceof Error ? e.message : String(e)}`);
    return Promise.resolve({ outcome: 'failed', error, elapsedMs: 0 });
  }
  if (call.signal?.aborted) return Promise.resolve(interruptedFetch('connecting', 'CANCELLED', 'Cancelled before anything was sent.', 0));
  const isHttps = url.protocol === 'https:';

  return new Promise<GetResultResult>((resolve) => {
    let connected = false;
    let handedOver = false;
    const stage = (): SendStage => (!connected ? 'connecting' : handedOver ? 'sent' : 'sending');
    let settled = false;
    const finish = (r: GetResultResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
      resolve(r);
    };

    let answered = false;
    const onAnswer = (res: IncomingMessage) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      const body = () => Buffer.concat(chunks).toString('utf8');
      res.on('data', (c: Buffer) => {
        if (size >= MAX_ANSWER_BYTES) return;
        chunks.push(c);
        size += c.length;
        if (size >= MAX_ANSWER_BYTES) res.destroy();
      });
      res.on('end', () => finish(classifyResultAnswer(res.statusCode ?? 0, body(), elapsed())));
      res.on('close', () => {
        if (size >= MAX_ANSWER_BYTES) return finish(classifyResultAnswer(res.statusCode ?? 0, body(), elapsed()));
        // 'close' without 'end': the connection broke mid-answer.
        if (!res.complete) finish(interruptedFetch('sent', 'CONNECTION_LOST', `The answer (HTTP ${res.statusCode}) was cut off.`, elapsed(), chunks.length ? body() : undefined));
      });
      res.on('error', () => {
        /* reported through 'close' */
      });
    };

    const req: ClientRequest = (isHttps ? httpsRequest : httpRequest)(url, { method: 'GET', headers: { Accept: 'application/json' }, agent: false }, onAnswer);
    req.on('socket', (socket) => {
      socket.once(isHttps ? 'secureConnect' : 'connect', () => {
        connected = true;
      });
    });
    req.on('finish', () => {
      handedOver = true;
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      // Once an answer has started, its own 'close' reports the break, with what had arrived.
      if (answered) return;
      const at = stage();
      finish(interruptedFetch(at, at === 'connecting' ? 'NETWORK_ERROR' : 'CONNECTION_LOST', networkContext(e), elapsed()));
    });
    const timeoutMs = call.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(() => {
      const at = stage();
      finish(interruptedFetch(at, 'TIMEOUT', `${at === 'connecting' ? 'No connection could be made' : 'No complete answer came'} within ${timeoutMs / 1000} s.`, elapsed()));
      req.destroy();
    }, timeoutMs);
    function onAbort() {
      const at = stage();
      finish(interruptedFetch(at, 'CANCELLED', at === 'sent' ? 'Cancelled after the request was sent.' : 'Cancelled before the request was completely sent.', elapsed()));
      req.destroy();
    }
    call.signal?.addEventListener('abort', onAbort, { once: true });
    req.end();
  });
}
