/**
 * One HTTP exchange with the service as the console's client saw it: the request line and headers
 * it sent (never the body: it holds the secret), the response headers, and the time each phase
 * took, measured from the socket's and the request's own events. Stored with the history row.
 */

/** Phases in ms; a phase the call never reached is absent (an interrupted call shows how far it got). */
export interface ExchangeTimings {
  /** Start to TCP connection (name lookup included). */
  connectMs?: number;
  /** TCP connection to the end of the TLS handshake (https only). */
  tlsMs?: number;
  /** The request body handed to the network. */
  uploadMs?: number;
  /** Request sent to the first byte of the answer's headers (the service's work). */
  waitMs?: number;
  /** The answer's headers to its last byte. */
  downloadMs?: number;
  totalMs: number;
}

export interface ExchangeRecord {
  /** e.g. "POST /faceid/lite/get_token HTTP/1.1"; a query string is never kept (get_result's carries the secret). */
  requestLine: string;
  host: string;
  requestHeaders: [string, string][];
  /** As received, in order, names in their own case. */
  responseHeaders: [string, string][];
  /** The answer's HTTP version, e.g. "1.1". */
  httpVersion?: string;
  timings: ExchangeTimings;
}

/** The phases in the order they happen, for display. */
export const TIMING_PHASES = ['connectMs', 'tlsMs', 'uploadMs', 'waitMs', 'downloadMs'] as const;
export type TimingPhase = (typeof TIMING_PHASES)[number];
