/**
 * A history row read through the verification model: its stored result and the observed events,
 * folded in time order, at the profile's match level.
 */
import { fetchBudget, type FetchBudget } from '../../core/faceid/fetch-budget';
import { flowStateAt, isEndStage, type FlowEvent, type FlowState } from '../../core/faceid/flow-status';
import type { ThresholdKey, VerificationData } from '../../core/faceid/verification';
import type { HistoryRow } from '../../core/history';

/** The model's state of an issued call's flow at `nowMs`, or undefined for a call that issued no token. */
export function rowFlowState(row: HistoryRow, events: readonly FlowEvent[], level: ThresholdKey, nowMs: number): FlowState | undefined {
  if (row.status !== 'issued' || row.expiredTime === undefined) return undefined;
  const all: FlowEvent[] = [...events];
  const r = row.result;
  if (r)
    all.push({
      kind: 'status',
      at: r.fetchedAt,
      status: r.status as VerificationData['status'],
      data: r.data as unknown as VerificationData,
      level: r.level ?? level,
    });
  all.sort((a, b) => a.at - b.at);
  return flowStateAt(row.expiredTime, all, nowMs, level);
}

/** The result budget of a row, given its model state. */
export function rowBudget(row: HistoryRow, state: FlowState | undefined, nowMs: number): FetchBudget {
  const finished =
    state !== undefined &&
    isEndStage(state.stage) &&
    !state.provisional &&
    row.result !== undefined &&
    row.result.status !== 'NOT_STARTED' &&
    row.result.status !== 'PROCESSING';
  const verifyTime = typeof row.result?.data.verify_time === 'number' ? row.result.data.verify_time * 1000 : undefined;
  return fetchBudget({
    fetches: row.result?.fetches ?? 0,
    finished,
    endedAtMs: verifyTime ?? (finished ? state?.endedAt : undefined),
    expiredTime: row.expiredTime,
    nowMs,
  });
}
