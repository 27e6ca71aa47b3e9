/**
 * How a get_token call ended, told apart by what is certain: a token was issued; no token can
 * exist (the service refused, or the request never fully left); or nobody can tell (the request
 * was sent but no complete, readable answer came back — a token may exist, so the call must not
 * be retried blindly with the same biz_no).
 */
import { explainConsoleError, previewOf, readServiceBody, type ExplainedError } from '../../core/faceid/errors';
import { msg, type MessageRef } from '../../core/i18n/render';
import type { GetTokenResult } from '../../core/faceid/get-token-result';
import type { Interruption, SendStage } from './exchange';
import { unreadableOutcome } from './unreadable-answer';

export type { GetTokenResult } from '../../core/faceid/get-token-result';

const PREVIEW_CHARS = 120;

/** Classifies a complete HTTP answer; an unreadable one follows unreadable-answer.ts's rule. */
export function classifyAnswer(status: number, rawBody: string, elapsedMs: number): GetTokenResult {
  const read = readServiceBody(status, rawBody);
  if (read.kind === 'error') return unreadableOutcome(read.error, status, elapsedMs, rawBody);
  const j = read.json;
  const expired =
    typeof j.expired_time === 'number'
      ? j.expired_time
      : typeof j.expired_time === 'string' && j.expired_time.trim() !== ''
        ? Number(j.expired_time)
        : NaN;
  if (typeof j.token !== 'string' || j.token === '' || typeof j.biz_id !== 'string' || j.biz_id === '' || !Number.isFinite(expired)) {
    const missing = [
      typeof j.token === 'string' && j.token !== '' ? '' : 'token',
      typeof j.biz_id === 'string' && j.biz_id !== '' ? '' : 'biz_id',
      Number.isFinite(expired) ? '' : 'expired_time',
    ].filter(Boolean);
    const context = msg('errors', 'context.successWithout', {
      status,
      missing: missing.join(', '),
      preview: previewOf(rawBody, PREVIEW_CHARS),
    });
    const error = explainConsoleError('UNEXPECTED_RESPONSE', context, status);
    // A 200 means the service acted: a token may exist although we cannot read it.
    return { outcome: 'unknown', error, elapsedMs, rawBody };
  }
  return {
    outcome: 'issued',
    token: j.token,
    biz_id: j.biz_id,
    request_id: typeof j.request_id === 'string' ? j.request_id : '',
    expired_time: expired,
    time_used: typeof j.time_used === 'number' ? j.time_used : 0,
    httpStatus: status,
    elapsedMs,
    rawBody,
  };
}

/**
 * The outcome of a call interrupted before a complete answer: by a network error, the timeout or
 * the operator. Before the body was fully handed to the network no token can exist ('failed');
 * after, the service may have issued one ('unknown').
 */
export function interrupted(
  stage: SendStage,
  code: Interruption,
  context: MessageRef,
  elapsedMs: number,
  rawBody?: string,
): GetTokenResult {
  if (stage === 'sent') return { outcome: 'unknown', error: explainConsoleError(code, context), elapsedMs, rawBody };
  if (stage === 'connecting' && code !== 'CANCELLED') {
    // Nothing left this machine: whatever stopped the call, it is a failure to connect.
    return { outcome: 'failed', error: explainConsoleError('NETWORK_ERROR', context), elapsedMs };
  }
  const base = explainConsoleError(code, context);
  // The code's own words assume the request left; here it did not, so the transfer's story explains it.
  const error: ExplainedError = {
    ...base,
    explanation: context,
    context: [msg('errors', 'context.notSent')],
    next: undefined,
    retryable: true,
  };
  return { outcome: 'failed', error, elapsedMs, rawBody };
}
