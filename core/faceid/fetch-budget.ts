/**
 * The get_result budget (faceid-api.md §5): a finished verification is answered at most three
 * times and only for one day after the flow ends; an answer for a running flow costs nothing.
 *
 * Choices where the vendor is open:
 * - The day runs from the end of the flow when we know it (verify_time, or when we saw it end);
 *   otherwise from the token's expiry, the latest the flow can have ended — so the console may
 *   believe a result is still there when it is gone, and the service's DATA_DESTROYED then says so.
 * - A poll may spend a finished fetch (the flow may end between two polls) but never the last
 *   one: polling stops while only one is left, so the operator always keeps a fetch of their own.
 *   Once a finished result is stored, nobody polls again.
 */
export const RESULT_FETCH_LIMIT = 3;
export const RESULT_RETENTION_MS = 86_400_000;

export interface FetchBudgetInput {
  /** Finished-result answers used so far. */
  fetches: number;
  /** A finished result is already stored. */
  finished: boolean;
  /** When the flow ended (ms), if known. */
  endedAtMs?: number;
  /** Token expiry, Unix seconds. */
  expiredTime?: number;
  nowMs: number;
}

export interface FetchBudget {
  /** Finished-result fetches the service still answers, as far as the console knows. */
  left: number;
  /** Until when the service keeps the result (ms), if known. */
  keptUntilMs?: number;
  /** The operator may fetch (the button). */
  mayFetch: boolean;
  /** A background poll may run: it could spend a fetch, but never the last one. */
  mayPoll: boolean;
  /** Why not, when the operator may not fetch. */
  blocked?: 'limit' | 'retention';
}

/** The budget of one verification's result fetches at `nowMs`. */
export function fetchBudget(i: FetchBudgetInput): FetchBudget {
  const left = Math.max(0, RESULT_FETCH_LIMIT - Math.max(0, i.fetches));
  const from = i.endedAtMs ?? (i.expiredTime !== undefined ? i.expiredTime * 1000 : undefined);
  const keptUntilMs = from === undefined ? undefined : from + RESULT_RETENTION_MS;
  const gone = keptUntilMs !== undefined && i.nowMs >= keptUntilMs;
  const blocked = left === 0 ? 'limit' : gone ? 'retention' : undefined;
  return { left, keptUntilMs, mayFetch: blocked === undefined, mayPoll: blocked === undefined && !i.finished && left > 1, blocked };
}

/** A fetch's cost: a finished answer uses one of the three, a running flow's answer none. */
export const fetchCost = (finishedAnswer: boolean): number => (finishedAnswer ? 1 : 0);
