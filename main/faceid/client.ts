/**
 * The FaceID client: multipart get_token over node:http(s) with the `form-data` package.
 * It never throws for service or network problems; it tells apart what is certain (a token was
 * issued, or none could have been) from what is not (the request was sent but no complete answer
 * came back: a token may exist, and the call must not be retried blindly).
 */
import FormData from 'form-data';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { PARAMS, type FileParamName } from '../../core/faceid/catalogue';
import { explainConsoleError, readServiceBody, type ExplainedError } from '../../core/faceid/errors';

export interface PhotoPart {
  bytes: Uint8Array;
  filename: string;
  contentType: string;
}

export interface GetTokenCall {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  /** Non-file parameters; empty values are not sent. */
  params: Record<string, string>;
  photos: Partial<Record<FileParamName, PhotoPart>>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type GetTokenResult =
  | {
      outcome: 'issued';
      token: string;
      biz_id: string;
      request_id: string;
      expired_time: number;
      time_used: number;
      httpStatus: number;
      elapsedMs: number;
      rawBody: string;
    }
  | { outcome: 'failed'; error: ExplainedError; httpStatus?: number; elapsedMs: number; rawBody?: string }
  | { outcome: 'unknown'; error: ExplainedError; elapsedMs: number; rawBody?: string };

export const GET_TOKEN_PATH = '/faceid/lite/get_token';
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The endpoint URL for a base URL (trailing slashes tolerated). */
export function endpoint(baseUrl: string, path: string): URL {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`The base URL must be http(s), not ${url.protocol}`);
  return url;
}

/** The multipart body, parts in catalogue order: credentials, then parameters, then photos. */
export function buildForm(call: Pick<GetTokenCall, 'apiKey' | 'apiSecret' | 'params' | 'photos'>): FormData {
  const form = new FormData();
  form.append('api_key', call.apiKey);
  form.append('api_secret', call.apiSecret);
  const known = new Set<string>(PARAMS.map((p) => p.name));
  const ordered = [...PARAMS.map((p) => p.name).filter((n) => n in call.params), ...Object.keys(call.params).filter((n) => !known.has(n))];
  for (const name of ordered) {
    const value = call.params[name];
    if (value !== undefined && value !== '' && name !== 'api_key' && name !== 'api_secret') form.append(name, value);
  }
  for (const name of ['image_ref1', 'image_ref2'] as const) {
    const photo = call.photos[name];
    if (photo) form.append(name, Buffer.from(photo.bytes), { filename: photo.filename, contentType: photo.contentType });
  }
  return form;
}

const networkContext = (e: NodeJS.ErrnoException): string => {
  const code = e.code ?? '';
  if (code === 'ECONNREFUSED') return 'The connection was refused (nothing listens at that address).';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The host name could not be resolved (DNS).';
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return `The TLS certificate was not accepted (${code}).`;
  return `${code ? `${code}: ` : ''}${e.message}`;
};

/** Issues a get_token call and classifies its outcome. */
export function getToken(call: GetTokenCall): Promise<GetTokenResult> {
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  let url: URL;
  try {
    url = endpoint(call.baseUrl, GET_TOKEN_PATH);
  } catch (e) {
    return Promise.resolve({ outcome: 'failed', error: explainConsoleError('NETWORK_ERROR', `Bad base URL "${call.baseUrl}": ${e instanceof Error ? e.message : String(e)}`), elapsedMs: 0 });
  }
  const form = buildForm(call);

  return new Promise<GetTokenResult>((resolve) => {
    let settled = false;
    let sent = false;
    const finish = (r: GetTokenResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
      resolve(r);
    };
    /** Before the body was fully sent the service cannot have acted on it: no token exists. */
    const lost = (code: 'TIMEOUT' | 'CONNECTION_LOST' | 'CANCELLED', context: string, rawBody?: string) =>
      finish(sent ? { outcome: 'unknown', error: explainConsoleError(code, context), elapsedMs: elapsed(), rawBody } : { outcome: 'failed', error: explainConsoleError(code, `${context} The request had not been sent completely, so no token was issued.`), elapsedMs: elapsed(), rawBody });

    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'POST', headers: { ...form.getHeaders(), 'Content-Length': String(form.getLengthSync()), Accept: 'application/json' } }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('aborted', () => lost('CONNECTION_LOST', 'The answer was cut off.', Buffer.concat(chunks).toString('utf8')));
      res.on('error', () => lost('CONNECTION_LOST', 'The answer was cut off.', Buffer.concat(chunks).toString('utf8')));
      res.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        const read = readServiceBody(status, rawBody);
        if (read.kind === 'error') {
          // An unreadable answer (e.g. a proxy's HTML page) does not tell whether a token was issued.
          const uncertain = read.error.code === 'UNEXPECTED_RESPONSE' && status >= 500;
          return finish(uncertain ? { outcome: 'unknown', error: read.error, elapsedMs: elapsed(), rawBody } : { outcome: 'failed', error: read.error, httpStatus: status, elapsedMs: elapsed(), rawBody });
        }
        const j = read.json;
        const expired = typeof j.expired_time === 'number' ? j.expired_time : Number(j.expired_time);
        if (typeof j.token !== 'string' || typeof j.biz_id !== 'string' || !Number.isFinite(expired)) {
          const err = explainConsoleError('UNEXPECTED_RESPONSE', `HTTP ${status}: a success answer without token, biz_id or expired_time: ${JSON.stringify(rawBody.slice(0, 120))}`, status);
          return finish({ outcome: 'unknown', error: err, elapsedMs: elapsed(), rawBody });
        }
        finish({
          outcome: 'issued',
          token: j.token,
          biz_id: j.biz_id,
          request_id: typeof j.request_id === 'string' ? j.request_id : '',
          expired_time: expired,
          time_used: typeof j.time_used === 'number' ? j.time_used : 0,
          httpStatus: status,
          elapsedMs: elapsed(),
          rawBody,
        });
      });
    });
    req.on('finish', () => {
      sent = true;
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (settled) return;
      if (!sent && (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' || /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(e.code ?? ''))) {
        return finish({ outcome: 'failed', error: explainConsoleError('NETWORK_ERROR', networkContext(e)), elapsedMs: elapsed() });
      }
      lost('CONNECTION_LOST', networkContext(e));
    });
    const timeoutMs = call.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(() => {
      lost('TIMEOUT', `No complete answer within ${(timeoutMs / 1000).toFixed(0)} s.`);
      req.destroy();
    }, timeoutMs);
    const onAbort = () => {
      lost('CANCELLED', 'Cancelled by the operator.');
      req.destroy();
    };
    if (call.signal?.aborted) return onAbort();
    call.signal?.addEventListener('abort', onAbort, { once: true });
    form.pipe(req);
  });
}
