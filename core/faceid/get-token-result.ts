/**
 * How a get_token call ended, told apart by what is certain: a token was issued; no token can
 * exist (the service refused, or the request never fully left); or nobody can tell (the request
 * was sent but no complete, readable answer came back — a token may exist, so the call must not
 * be retried blindly with the same biz_no). The client returns it; the console API extends it.
 */
import type { ExplainedError } from './errors';
import type { ExchangeRecord } from './exchange-record';

/** How the exchange went on the wire (request line, headers, phase timings), when the client made one. */
interface OnTheWire {
  exchange?: ExchangeRecord;
}

export type GetTokenResult = OnTheWire &
  (
    | {
        outcome: 'issued';
        token: string;
        biz_id: string;
        request_id: string;
        /** Unix seconds. */
        expired_time: number;
        time_used: number;
        httpStatus: number;
        elapsedMs: number;
        rawBody: string;
      }
    /** No token: the service refused, or nothing (or not all) of the request was sent. */
    | { outcome: 'failed'; error: ExplainedError; httpStatus?: number; elapsedMs: number; rawBody?: string }
    /** Sent, but no complete readable answer: a token may exist. */
    | { outcome: 'unknown'; error: ExplainedError; elapsedMs: number; rawBody?: string }
  );
