/**
 * The one rule for a complete HTTP answer that is not the service's JSON (a proxy's page,
 * truncated JSON), shared by get_token and get_result: when it is 2xx or 5xx the outcome is
 * unknown — a gateway may have passed the request on before failing, so the service may have
 * acted (issued a token, counted a result fetch) — and for 3xx/4xx it failed, because those are
 * refusals before the service acted.
 */
import type { ExplainedError } from '../../core/faceid/errors';

/** How an answer the client could not read ended: the two shapes both clients return. */
export type UnreadableOutcome =
  | { outcome: 'unknown'; error: ExplainedError; elapsedMs: number; rawBody: string }
  | { outcome: 'failed'; error: ExplainedError; httpStatus: number; elapsedMs: number; rawBody: string };

/** Whether an unreadable answer with this status leaves the outcome unknown (2xx, 5xx). */
export function unreadableIsUnknown(status: number): boolean {
  return (status >= 200 && status < 300) || status >= 500;
}

/**
 * Classifies an answer readServiceBody turned into an error: only an UNEXPECTED_RESPONSE (not
 * the service's JSON) is subject to the rule; a service error the client could read failed.
 */
export function unreadableOutcome(error: ExplainedError, status: number, elapsedMs: number, rawBody: string): UnreadableOutcome {
  return error.code === 'UNEXPECTED_RESPONSE' && unreadableIsUnknown(status)
    ? { outcome: 'unknown', error, elapsedMs, rawBody }
    : { outcome: 'failed', error, httpStatus: status, elapsedMs, rawBody };
}
