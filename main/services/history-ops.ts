import type { HistoryFilter, HistoryRow } from '../../core/history';
import { fail, ok, worded } from '../../core/result';
import { msg } from '../../core/i18n/render';
import { suggestBizNo } from '../../core/faceid/biz-no';
import { curlCommand } from '../history/curl';
import { TeamError } from '../team/errors';
import type { BestImages } from './best-images';
import type { HandlerDeps, OpImpls } from './handlers';

type HistoryOpName = 'queryHistory' | 'getHistoryRow' | 'historyCurl' | 'deleteHistory' | 'getKeptPhoto' | 'getSettings' | 'updateSettings';

const notFound = (id: number) => fail(worded('NOT_FOUND', msg('console', 'history.rowGone', { id }), { field: 'id' }));

/** (Exports say the same for themselves: export-ops.ts.) */
const deskOnly = () => fail(worded('BAD_REQUEST', msg('console', 'history.deskOnly.delete'), { field: 'filter.scope' }));

const noTeam = () => fail(worded('TEAM_NOT_CONFIGURED', msg('console', 'team.notConfigured'), { field: 'scope' }));

/** The history and the settings that shape it. */
export function historyOps(deps: HandlerDeps, bestImages?: BestImages): OpImpls<HistoryOpName> {
  const { history, settings } = deps;
  const now = deps.now ?? Date.now;
  return {
    // One query shape for both stores: the scope picks the local history or the team store.
    queryHistory: async ({ filter, cursor, limit }) => {
      if (!filter.scope || filter.scope === 'desk') return ok(history.query(filter, now(), limit, cursor));
      if (!deps.team) return noTeam();
      try {
        return ok(await deps.team.query(filter, filter.scope, now(), limit, cursor));
      } catch (e) {
        if (e instanceof TeamError) return fail({ code: e.code, field: 'scope', message: e.message, params: e.params });
        throw e;
      }
    },
    getHistoryRow: async ({ id, scope }) => {
      if (scope && scope !== 'desk') {
        if (!deps.team) return noTeam();
        try {
          const team = await deps.team.get(id);
          return team ? ok(team) : notFound(id);
        } catch (e) {
          if (e instanceof TeamError) return fail({ code: e.code, field: 'scope', message: e.message, params: e.params });
          throw e;
        }
      }
      const row = history.get(id);
      return row ? ok(row) : notFound(id);
    },
    historyCurl: async ({ id, keepBizNo, scope }) => {
      let row: HistoryRow | undefined;
      if (scope && scope !== 'desk') {
        // A team call (another desk's): the same command, from the team row.
        if (!deps.team) return noTeam();
        try {
          row = await deps.team.get(id);
        } catch (e) {
          if (e instanceof TeamError) return fail({ code: e.code, field: 'scope', message: e.message, params: e.params });
          throw e;
        }
      } else row = history.get(id);
      if (!row) return notFound(id);
      const bizNo = keepBizNo ? (row.params.biz_no ?? '') : suggestBizNo(new Date(now()));
      return ok({ command: curlCommand(row, keepBizNo ? { keepOriginal: true } : { fresh: bizNo }), bizNo, keptBizNo: keepBizNo === true });
    },
    deleteHistory: async (req) => {
      const filter: HistoryFilter = 'all' in req ? {} : req.filter;
      // The team store is the bank's record, under the bank's retention: a desk never deletes it.
      if (filter.scope && filter.scope !== 'desk') return deskOnly();
      // Best frames held in memory go with the rows (biometric data; cheaper to drop all than to match).
      bestImages?.clear();
      return ok({ deleted: history.delete(filter, now()) });
    },
    getKeptPhoto: async ({ sha256 }) => {
      const bytes = history.photo(sha256);
      return bytes
        ? ok({ dataBase64: Buffer.from(bytes).toString('base64') })
        : fail(worded('NOT_FOUND', msg('console', 'history.photoNotKept'), { field: 'sha256' }));
    },
    getSettings: async () => ok(settings.get()),
    updateSettings: async ({ settings: next }) => {
      const saved = settings.update(next);
      // Retention runs when its limits are saved, not when a column width or the language is.
      if (next.retentionDays !== undefined || next.retentionRows !== undefined) history.applyRetention(saved, now());
      return ok(saved);
    },
  };
}
