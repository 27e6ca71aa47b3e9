/**
 * The FaceID client: multipart get_token over node:http(s) with the `form-data` package.
 * It never throws for service or network problems: every call ends as 'issued', 'failed' or
 * 'unknown' (see outcome.ts), because whether a token may exist decides what the operator may do
 * next with that biz_no.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { explainConsoleError } from '../../core/faceid/errors';
import { classifyAnswer, interrupted, type GetTokenResult, type SendStage } from './outcome';
import { GET_TOKEN_PATH, buildForm, endpointUrl, type GetTokenRequestParts } from './request';

export type { GetTokenResult } from './outcome';
export { GET_TOKEN_PATH, describeGetTokenRequest, type PhotoPart, type RequestDescription } from './request';

export interface GetTokenCall extends GetTokenRequestParts {
  /** Whole call, connect to last byte of the answer. Default 30 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** An answer larger than this is not the service's JSON; the rest is not read. */
const MAX_ANSWER_BYTES = 1024 * 1024;

function networkContext(e: NodeJS.ErrnoException): string {
  const code = e.code ?? '';
  if (code === 'ECONNREFUSED') return `The connection was refused (nothing listens at that address): ${e.message}.`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `The host name could not be resolved (DNS): ${e.message}.`;
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO/.test(code)) return `The TLS connection could not be set up (${code}).`;
  return `${code ? `${code}: ` : ''}${e.message}.`;
}

/** Issues a get_token call and classifies its outcome; resolves, never rejects. */
export function getToken(call: GetTokenCall): Promise<GetTokenResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = endpointUrl(call.baseUrl, GET_TOKEN_PATH);
  } catch (e) {
    const error = explainConsoleError('NETWORK_ERROR', `Bad base URL: ${e instanceof Error ? e.message : String(e)}`);
    return Promise.resolve({ outcome: 'failed', error, elapsedMs: 0 });
  }
  if (call.signal?.aborted) {
    return Promise.resolve(interrupted('connecting', 'CANCELLED', 'Cancelled before anything was sent.', 0));
  }
  const form = buildForm(call);
  const isHttps = url.protocol === 'https:';
  const headers = { ...form.getHeaders(), 'Content-Length': String(form.getLengthSync()), Accept: 'application/json' };

  return new Promise<GetTokenResult>((resolve) => {
    // Two facts, since either can come first: node buffers writes made before the connection (or
    // the TLS handshake) is up, and may report the body 'finish'ed while nothing has left yet.
    let connected = false;
    let handedOver = false;
    const stage = (): SendStage => (!connected ? 'connecting' : handedOver ? 'sent' : 'sending');
    let answer: IncomingMessage | undefined;
    let settled = false;
    const finish = (r: GetTokenResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const partial = (chunks: Buffer[]) => (chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined);

    const onAnswer = (res: IncomingMessage) => {
      answer = res;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size >= MAX_ANSWER_BYTES) return;
        chunks.push(c);
        size += c.length;
        if (size >= MAX_ANSWER_BYTES) res.destroy();
      });
      res.on('end', () => finish(classifyAnswer(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'), elapsed())));
      res.on('close', () => {
        if (size >= MAX_ANSWER_BYTES) return finish(classifyAnswer(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'), elapsed()));
        // 'close' without 'end': the connection broke mid-answer.
        if (!res.complete) finish(interrupted(stage(), 'CONNECTION_LOST', `The answer (HTTP ${res.statusCode}) was cut off.`, elapsed(), partial(chunks)));
      });
      res.on('error', () => {
        /* reported through 'close' */
      });
    };

    const req: ClientRequest = (isHttps ? httpsRequest : httpRequest)(url, { method: 'POST', headers, agent: false }, onAnswer);
    req.on('socket', (socket) => {
      // TLS counts as connecting: until the handshake is done, nothing of the request has left.
      socket.once(isHttps ? 'secureConnect' : 'connect', () => {
        connected = true;
      });
    });
    req.on('finish', () => {
      handedOver = true;
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      // Once an answer has started (e.g. an early 413 while we were still uploading), the answer
      // decides: write errors that follow are the server hanging up on the rest of our upload.
      if (answer) return;
      const at = stage();
      finish(interrupted(at, at === 'connecting' ? 'NETWORK_ERROR' : 'CONNECTION_LOST', networkContext(e), elapsed()));
    });

    const timeoutMs = call.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(() => {
      const at = stage();
      const what = at === 'connecting' ? 'No connection could be made' : 'No complete answer came';
      finish(interrupted(at, 'TIMEOUT', `${what} within ${timeoutMs / 1000} s.`, elapsed()));
      req.destroy();
    }, timeoutMs);
    function onAbort() {
      const at = stage();
      const context = at === 'sent' ? 'Cancelled after the request was sent.' : 'Cancelled before the request was completely sent.';
      finish(interrupted(at, 'CANCELLED', context, elapsed()));
      req.destroy();
    }
    call.signal?.addEventListener('abort', onAbort, { once: true });
    form.pipe(req);
  });
}
