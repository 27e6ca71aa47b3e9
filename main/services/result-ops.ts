/**
 * Verification results. get_result answers a verification at most three times and only for a day,
 * so the console fetches only when asked (or when the embedded sandbox reports a finished flow),
 * stores the answer in the history row at once, and shows it from storage afterwards.
 */
import { SANDBOX_SCENES } from '../sandbox/scenes';
import type { HistoryStore } from '../history/store';
import { createHash } from 'node:crypto';
import { DEFAULT_DESK_SETTINGS } from '../../core/desk';
import { isEndStage } from '../../core/faceid/flow-status';
import { RESULT_FETCH_LIMIT, RESULT_RETENTION_MS, type HistoryRow, type StoredResult } from '../../core/history';
import { decodeImageField } from '../../core/faceid/photo';
import { errorWords } from '../../core/faceid/errors';
import { END_STATUSES } from '../../core/faceid/verification';
import { fail, ok, worded, type Result } from '../../core/result';
import { msg, type MessageRef } from '../../core/i18n/render';
import { getResult } from '../faceid/get-result';
import { verifyCallbackSignature } from '../faceid/signature';
import type { SandboxState } from '../../core/api';
import type { EmbeddedSandbox } from '../sandbox/embedded/client';
import type { HandlerDeps, OpImpls } from './handlers';
import type { BestImages } from './best-images';
import type { FlowEvents } from './flow-events';
import { rowBudget, rowFlowState } from './flow-state';
import { TeamError } from '../team/errors';

const FINAL_STATUSES = new Set<string>(END_STATUSES);

type ResultOpName = 'fetchResult' | 'verifyCallback' | 'getSandboxState' | 'setSandboxFaults' | 'setSandboxMode';

/** What the Sandbox panel shows: the last 100 callbacks and trust-log entries, never a secret. */
export async function sandboxState(s: EmbeddedSandbox, history?: Pick<HistoryStore, 'findByBizId'>): Promise<SandboxState> {
  const { faults, callbacks, trusted } = await s.snapshot(100);
  const linked = callbacks.map((c) => {
    const historyId = history ? history.findByBizId(bizIdOf(c.data) ?? '')?.id : undefined;
    return historyId === undefined ? c : { ...c, historyId };
  });
  return {
    baseUrl: s.baseUrl,
    faults,
    callbacks: linked,
    lenient: s.lenient,
    trusted,
    detectFaces: s.detectFaces,
    scenes: [...SANDBOX_SCENES],
  };
}

/** The biz_id a callback's `data` names (biz_info.biz_id, as the service sends it), if it is JSON. */
function bizIdOf(data: string): string | undefined {
  try {
    const j = JSON.parse(data) as { biz_id?: unknown; biz_info?: { biz_id?: unknown } };
    const v = j.biz_info?.biz_id ?? j.biz_id;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The bytes of an image field: a `data:image/…;base64,` URI or bare base64 (see decodeImageField). */
function dataUriBytes(uri: unknown): Uint8Array | undefined {
  return decodeImageField(uri)?.bytes;
}

/**
 * Who asked for a fetch: the operator (the Fetch result button), the console itself (the embedded
 * sandbox reported a finished flow) or the desk's budgeted poll of a real profile's running flow.
 * The sandbox's fault plans are the operator's: they apply to the operator's next call, never to
 * the console's own background fetch. A poll is refused unless the budget allows one.
 */
export type FetchOrigin = 'operator' | 'auto' | 'poll';

/** What the fetcher shares with the desk's status operations. */
export interface ResultContext {
  events: FlowEvents;
  bestImages: BestImages;
}

/** Fetching, shared so the sandbox's "flow ended" event and the operator's button use one path. */
export function resultFetcher(
  deps: HandlerDeps,
  ctx: ResultContext,
): (historyId: number, origin?: FetchOrigin, team?: { profileId?: string }) => Promise<Result<HistoryRow>> {
  const now = deps.now ?? Date.now;
  const inFlight = new Map<number, Promise<Result<HistoryRow>>>();

  /**
   * Why get_result must not be asked for an issued row (desk or team): its three answers used up
   * (`limitKey` words whose record says so), or past the service's one day.
   */
  function fetchRefusal(row: HistoryRow, limitKey: 'result.fetchLimit' | 'result.teamFetchLimit'): Result<never> | undefined {
    if ((row.result?.fetches ?? 0) >= RESULT_FETCH_LIMIT)
      return fail(worded('RESULT_FETCH_LIMIT', msg('console', limitKey, { limit: RESULT_FETCH_LIMIT })));
    if (row.expiredTime !== undefined && now() > row.expiredTime * 1000 + RESULT_RETENTION_MS) {
      return fail(worded('RESULT_EXPIRED', msg('console', 'result.expired')));
    }
    return undefined;
  }

  async function fetchOnce(historyId: number, origin: FetchOrigin): Promise<Result<HistoryRow>> {
    const row = deps.history.get(historyId);
    if (!row) return fail(worded('NOT_FOUND', msg('console', 'history.rowNotFound', { id: historyId }), { field: 'historyId' }));
    if (row.status !== 'issued' || !row.bizId) return fail(worded('NOT_ISSUED', msg('console', 'result.notIssued')));
    const refused = fetchRefusal(row, 'result.fetchLimit');
    if (refused) return refused;
    const used = row.result?.fetches ?? 0;
    const level = (await deps.vault.summaryOf(row.profileId).catch(() => undefined))?.desk.matchLevel ?? DEFAULT_DESK_SETTINGS.matchLevel;
    if (origin === 'poll' && !rowBudget(row, rowFlowState(row, ctx.events.of(row.bizId), level, now()), now()).mayPoll) {
      return fail(worded('POLL_NOT_ALLOWED', msg('console', 'result.pollNotAllowed')));
    }
    const profile = await deps.vault.resolve(row.profileId);
    if (!profile) return fail(worded('PROFILE_NOT_FOUND', msg('console', 'result.profileGone', { profile: row.profileName })));
    const keep = deps.settings.get().keepPhotos;
    const bizId = row.bizId;
    const call = () =>
      getResult({
        baseUrl: row.baseUrl,
        apiKey: profile.apiKey,
        apiSecret: profile.apiSecret,
        bizId,
        returnImage: '1',
        returnVerifyTime: '1',
        timeoutMs: deps.timeoutMs,
      });
    const sandbox = deps.sandbox;
    const r = origin !== 'operator' && sandbox && row.baseUrl === sandbox.baseUrl ? await sandbox.inBackground(bizId, call) : await call();
    if (r.outcome !== 'ok') {
      const e = r.error;
      return fail({ code: e.code, field: undefined, message: e.serviceMessage ?? e.code, words: [e.title, ...errorWords(e)] });
    }
    const data: Record<string, unknown> = { ...(r.data as unknown as Record<string, unknown>) };
    const best = dataUriBytes((data.images as { image_best?: unknown } | null | undefined)?.image_best);
    delete data.images;
    const status = String(data.status ?? 'UNKNOWN');
    const stored: StoredResult = {
      data,
      status,
      // Only an answer for a finished flow uses one of the three (a running flow's answer is free).
      fetches: FINAL_STATUSES.has(status) ? used + 1 : used,
      fetchedAt: now(),
      bestImageSha256: keep && best ? createHash('sha256').update(best).digest('hex') : undefined,
    };
    const state = rowFlowState({ ...row, result: stored }, ctx.events.of(bizId), level, now());
    if (state && isEndStage(state.stage) && !state.provisional && FINAL_STATUSES.has(status))
      Object.assign(stored, { verdict: state.stage, level });
    // The best frame is biometric data: on disk only when photos are kept, else in memory for the session.
    if (best && !keep) ctx.bestImages.set(historyId, best);
    deps.history.storeResult(historyId, stored, keep ? best : undefined);
    deps.log?.(`fetchResult row=${historyId} status=${stored.status} fetches=${stored.fetches}/${RESULT_FETCH_LIMIT}`);
    return ok(deps.history.get(historyId) as HistoryRow);
  }

  /**
   * A team call's result, fetched on this desk (it did not issue the token, or its row here is not
   * the one asked for): get_result with this desk's own profile for the call's service, then the
   * answer published to the team row — which keeps it only when it ranks higher (the newest
   * finished state wins) — where the issuing desk adopts it when it next reads back.
   */
  async function fetchTeam(teamId: number, profileId: string | undefined): Promise<Result<HistoryRow>> {
    const team = deps.team;
    if (!team) return fail(worded('TEAM_NOT_CONFIGURED', msg('console', 'team.notConfigured'), { field: 'scope' }));
    try {
      const row = await team.get(teamId);
      if (!row) return fail(worded('NOT_FOUND', msg('console', 'team.callNotReadable', { id: teamId }), { field: 'historyId' }));
      if (row.status !== 'issued' || !row.bizId) return fail(worded('NOT_ISSUED', msg('console', 'result.notIssued')));
      const refused = fetchRefusal(row, 'result.teamFetchLimit');
      if (refused) return refused;
      const used = row.result?.fetches ?? 0;
      // This desk's own credentials for the service the call was made on: the profile asked for,
      // else one of the same id, else one with the same base URL.
      const own = profileId ?? (await deps.vault.list()).find((p) => p.id === row.profileId && p.baseUrl === row.baseUrl)?.id;
      const candidate = own ?? (await deps.vault.list()).find((p) => p.baseUrl === row.baseUrl && p.hasSecret)?.id;
      const profile = candidate ? await deps.vault.resolve(candidate) : undefined;
      if (!profile || profile.baseUrl !== row.baseUrl)
        return fail(worded('PROFILE_NOT_FOUND', msg('console', 'result.noProfileFor', { baseUrl: row.baseUrl }), { field: 'profileId' }));
      const level = (await deps.vault.summaryOf(profile.id).catch(() => undefined))?.desk.matchLevel ?? DEFAULT_DESK_SETTINGS.matchLevel;
      const r = await getResult({
        baseUrl: row.baseUrl,
        apiKey: profile.apiKey,
        apiSecret: profile.apiSecret,
        bizId: row.bizId,
        returnImage: '0',
        returnVerifyTime: '1',
        timeoutMs: deps.timeoutMs,
      });
      if (r.outcome !== 'ok') {
        const e = r.error;
        return fail({ code: e.code, field: undefined, message: e.serviceMessage ?? e.code, words: [e.title, ...errorWords(e)] });
      }
      const data: Record<string, unknown> = { ...(r.data as unknown as Record<string, unknown>) };
      delete data.images;
      const status = String(data.status ?? 'UNKNOWN');
      const stored: StoredResult = { data, status, fetches: FINAL_STATUSES.has(status) ? used + 1 : used, fetchedAt: now() };
      const state = rowFlowState({ ...row, result: stored }, ctx.events.of(row.bizId), level, now());
      if (state && isEndStage(state.stage) && !state.provisional && FINAL_STATUSES.has(status))
        Object.assign(stored, { verdict: state.stage, level });
      const changed = await team.publishResult(row.globalId, stored);
      deps.log?.(`fetchResult team=${teamId} status=${stored.status} published=${changed}`);
      const after = await team.get(teamId);
      return after ? ok(after) : fail(worded('NOT_FOUND', msg('console', 'team.callNotReadable', { id: teamId }), { field: 'historyId' }));
    } catch (e) {
      if (e instanceof TeamError) return fail({ code: e.code, field: 'scope', message: e.message, params: e.params });
      throw e;
    }
  }
  const teamInFlight = new Map<number, Promise<Result<HistoryRow>>>();

  const fetcher = (historyId: number, origin: FetchOrigin = 'operator', team?: { profileId?: string }): Promise<Result<HistoryRow>> => {
    if (team) {
      const pending = teamInFlight.get(historyId);
      if (pending) return pending;
      const p = fetchTeam(historyId, team.profileId).finally(() => teamInFlight.delete(historyId));
      teamInFlight.set(historyId, p);
      return p;
    }
    // One fetch at a time per row: a second request joins the first instead of spending a fetch.
    const pending = inFlight.get(historyId);
    if (pending) return pending;
    const p = fetchOnce(historyId, origin).finally(() => inFlight.delete(historyId));
    inFlight.set(historyId, p);
    return p;
  };
  return fetcher;
}

/** Results, callback verification and the embedded sandbox's support controls. */
export function resultOps(deps: HandlerDeps, fetchResult: ReturnType<typeof resultFetcher>): OpImpls<ResultOpName> {
  const noSandbox = () => fail(worded('NO_SANDBOX', msg('console', 'sandbox.none')));
  return {
    fetchResult: ({ historyId, scope, profileId }) =>
      scope && scope !== 'desk' ? fetchResult(historyId, 'operator', { profileId }) : fetchResult(historyId),
    verifyCallback: async ({ profileId, data, sign }) => {
      const profile = await deps.vault.resolve(profileId);
      if (!profile)
        return fail(worded('PROFILE_NOT_FOUND', msg('console', 'vault.profileNotFound', { id: profileId }), { field: 'profileId' }));
      let decoded: unknown;
      let decodeError: MessageRef | undefined;
      try {
        decoded = JSON.parse(data);
      } catch (e) {
        decodeError = msg('console', 'signature.dataNotJson', { detail: e instanceof Error ? e.message : String(e) });
      }
      if (verifyCallbackSignature(profile.apiSecret, data, sign)) {
        return ok({ valid: true, words: [msg('console', 'signature.genuine', { profile: profile.name })], decoded, decodeError });
      }
      for (const other of await deps.vault.list()) {
        if (other.id === profileId) continue;
        const candidate = await deps.vault.resolve(other.id).catch(() => undefined);
        if (candidate && candidate.apiSecret !== '' && verifyCallbackSignature(candidate.apiSecret, data, sign)) {
          return ok({
            valid: false,
            matchesProfile: other.name,
            words: [msg('console', 'signature.otherProfile', { profile: profile.name, other: other.name })],
            decoded,
            decodeError,
          });
        }
      }
      const why = /^[0-9a-fA-F]{40}$/.test(sign.trim()) ? 'signature.altered' : 'signature.notHex';
      return ok({
        valid: false,
        words: [msg('console', why, { profile: profile.name })],
        decoded,
        decodeError,
      });
    },
    getSandboxState: async () => {
      const s = deps.sandbox;
      if (!s) return noSandbox();
      return ok(await sandboxState(s, deps.history));
    },
    setSandboxFaults: async ({ plan }) => {
      const s = deps.sandbox;
      if (!s) return noSandbox();
      await s.setFaults(plan);
      return ok(await sandboxState(s, deps.history));
    },
    setSandboxMode: async ({ lenient }) => {
      const s = deps.sandbox;
      if (!s) return noSandbox();
      // Kept with the built-in profile first, so the running mode never differs from the stored one.
      deps.vault.setSandboxLenient(lenient);
      await s.setLenient(lenient);
      deps.log?.(`sandbox mode ${lenient ? 'lenient' : 'strict'}`);
      return ok(await sandboxState(s, deps.history));
    },
  };
}
