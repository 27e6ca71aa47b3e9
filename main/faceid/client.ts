/**
 * The FaceID client: multipart get_token over node:http(s) with the `form-data` package.
 * It never throws for service or network problems: every call ends as 'issued', 'failed' or
 * 'unknown' (see outcome.ts), because whether a token may exist decides what the operator may do
 * next with that biz_no.
 */
import { explainConsoleError } from '../../core/faceid/errors';
import { msg } from '../../core/i18n/render';
import { exchange } from './exchange';
import { classifyAnswer, interrupted, type GetTokenResult } from './outcome';
import { BaseUrlError, GET_TOKEN_PATH, buildForm, endpointUrl, type GetTokenRequestParts } from './request';

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

/** Issues a get_token call and classifies its outcome; resolves, never rejects. */
export async function getToken(call: GetTokenCall): Promise<GetTokenResult> {
  let url: URL;
  try {
    url = endpointUrl(call.baseUrl, GET_TOKEN_PATH);
  } catch (e) {
    // What is wrong with the base URL, by reference (any other failure quoted as it came).
    const error = explainConsoleError(
      'NETWORK_ERROR',
      e instanceof BaseUrlError ? e.words : msg('errors', 'context.badBaseUrl', { detail: e instanceof Error ? e.message : String(e) }),
    );
    return { outcome: 'failed', error, elapsedMs: 0 };
  }
  const form = buildForm(call);
  const headers = { ...form.getHeaders(), 'Content-Length': String(form.getLengthSync()), Accept: 'application/json' };
  const end = await exchange({
    url,
    method: 'POST',
    headers,
    body: form,
    timeoutMs: call.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    signal: call.signal,
    maxAnswerBytes: MAX_ANSWER_BYTES,
  });
  const result =
    end.kind === 'answer'
      ? classifyAnswer(end.status, end.body, end.elapsedMs)
      : interrupted(end.stage, end.code, end.context, end.elapsedMs, end.partial);
  return { ...result, exchange: end.record };
}
