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
import { GET_RESULT_PATH } from '../../core/faceid/endpoints';
import { explainConsoleError, previewOf, readServiceBody, type ExplainedError } from '../../core/faceid/errors';
import { msg, type MessageRef } from '../../core/i18n/render';
import type { VerificationData } from '../../core/faceid/verification';
import { redactValue } from '../vault/redact';
import { exchange, type Interruption, type SendStage } from './exchange';
import { unreadableOutcome } from './unreadable-answer';
import { BaseUrlError, endpointUrl } from './request';

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

/** A call that ended without a complete answer: 'unknown' once the request had left. */
function interruptedFetch(stage: SendStage, code: Interruption, context: MessageRef, elapsedMs: number, rawBody?: string): GetResultResult {
  if (stage === 'connecting' && code !== 'CANCELLED')
    return { outcome: 'failed', error: explainConsoleError('NETWORK_ERROR', context), elapsedMs };
  const base = explainConsoleError(code, context);
  if (stage === 'sent')
    return {
      outcome: 'unknown',
      error: { ...base, explanation: context, context: [msg('errors', 'context.mayHaveCounted')], next: undefined, retryable: false },
      elapsedMs,
      rawBody,
    };
  return {
    outcome: 'failed',
    error: { ...base, explanation: context, context: [msg('errors', 'context.notCounted')], next: undefined, retryable: true },
    elapsedMs,
    rawBody,
  };
}

/**
 * Classifies a complete answer. Service errors (JSON with error_message) are 'failed'; an
 * unreadable answer follows unreadable-answer.ts's rule (unknown: the fetch may have been counted).
 */
export function classifyResultAnswer(status: number, rawBody: string, elapsedMs: number): GetResultResult {
  const read = readServiceBody(status, rawBody);
  if (read.kind === 'error') return unreadableOutcome(read.error, status, elapsedMs, rawBody);
  if (typeof read.json.status !== 'string' || read.json.status === '') {
    const context = msg('errors', 'context.successWithout', { status, missing: 'status', preview: previewOf(rawBody, PREVIEW_CHARS) });
    const error = explainConsoleError('UNEXPECTED_RESPONSE', context, status);
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
  // The one redaction scrubs every written form of the secret (raw, URL-encoded, escaped).
  return redactValue(r, [call.apiSecret]);
}

async function fetchResult(call: GetResultCall): Promise<GetResultResult> {
  let url: URL;
  try {
    url = resultUrl(call);
  } catch (e) {
    // What is wrong with the base URL, by reference (any other failure quoted as it came).
    const error = explainConsoleError(
      'NETWORK_ERROR',
      e instanceof BaseUrlError ? e.words : msg('errors', 'context.badBaseUrl', { detail: e instanceof Error ? e.message : String(e) }),
    );
    return { outcome: 'failed', error, elapsedMs: 0 };
  }
  const end = await exchange({
    url,
    method: 'GET',
    headers: { Accept: 'application/json' },
    timeoutMs: call.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    signal: call.signal,
    maxAnswerBytes: MAX_ANSWER_BYTES,
  });
  return end.kind === 'answer'
    ? classifyResultAnswer(end.status, end.body, end.elapsedMs)
    : interruptedFetch(end.stage, end.code, end.context, end.elapsedMs, end.partial);
}
