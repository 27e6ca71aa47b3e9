/**
 * The desk's live status: each call read through the verification model, from the sandbox's
 * events and the stored result. For a real profile that allows it, a call still running is
 * polled with get_result at most every POLL_INTERVAL_MS, within the budget (a poll never spends
 * the last finished-result answer); the desk's own polls of this operation cost nothing upstream.
 */
import { Buffer } from 'node:buffer';
import { DEFAULT_DESK_SETTINGS, POLL_INTERVAL_MS, type CallWatch } from '../../core/desk';
import { isEndStage } from '../../core/faceid/flow-status';
import { ok } from '../../core/result';
import type { HandlerDeps, OpImpls } from './handlers';
import type { ResultContext, resultFetcher } from './result-ops';
import { rowBudget, rowFlowState } from './flow-state';

export function watchOps(
  deps: HandlerDeps,
  ctx: ResultContext,
  fetchResult: ReturnType<typeof resultFetcher>,
): OpImpls<'watchCalls' | 'getBestImage'> {
  const now = deps.now ?? Date.now;
  const lastPoll = new Map<number, number>();
  return {
    watchCalls: async ({ historyIds }) => {
      const out: CallWatch[] = [];
      const summaries = new Map((await deps.vault.list()).map((p) => [p.id, p]));
      for (const id of new Set(historyIds)) {
        const row = deps.history.get(id);
        if (!row) continue;
        const profile = summaries.get(row.profileId);
        const desk = profile?.desk ?? DEFAULT_DESK_SETTINGS;
        const t = now();
        const state = rowFlowState(row, ctx.events.of(row.bizId), desk.matchLevel, t);
        if (!state) continue;
        const budget = rowBudget(row, state, t);
        const onSandbox = deps.sandbox !== undefined && row.baseUrl === deps.sandbox.baseUrl;
        const source = onSandbox ? 'events' : desk.pollResults ? 'polling' : 'manual';
        const running = !isEndStage(state.stage) || state.provisional === true;
        if (source === 'polling' && running && budget.mayPoll && t - (lastPoll.get(id) ?? 0) >= (deps.pollIntervalMs ?? POLL_INTERVAL_MS)) {
          lastPoll.set(id, t);
          void fetchResult(id, 'poll').then(
            (r) => !r.ok && r.error.code !== 'POLL_NOT_ALLOWED' && deps.log?.(`poll of row ${id} failed: ${r.error.code}`),
          );
        }
        out.push({ historyId: id, state, budget, source });
      }
      return ok(out);
    },
    getBestImage: async ({ historyId }) => {
      const inMemory = ctx.bestImages.get(historyId);
      if (inMemory) return ok({ dataBase64: Buffer.from(inMemory).toString('base64') });
      const sha = deps.history.get(historyId)?.result?.bestImageSha256;
      const kept = sha ? deps.history.photo(sha) : undefined;
      return ok({ dataBase64: kept ? Buffer.from(kept).toString('base64') : null });
    },
  };
}
