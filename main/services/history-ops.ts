import type { HistoryFilter } from '../../core/history';
import { fail, ok } from '../../core/result';
import { curlCommand } from '../history/curl';
import { toCsv, toJson } from '../history/export';
import type { BestImages } from './best-images';
import type { HandlerDeps, OpImpls } from './handlers';

type HistoryOpName = 'queryHistory' | 'getHistoryRow' | 'historyCurl' | 'exportHistory' | 'deleteHistory' | 'getKeptPhoto' | 'getSettings' | 'updateSettings';

const notFound = (id: number) => fail({ code: 'NOT_FOUND', field: 'id', message: `No history row ${id} (it may have been deleted).` });

/** The history and the settings that shape it. */
export function historyOps(deps: HandlerDeps, bestImages?: BestImages): OpImpls<HistoryOpName> {
  const { history, settings } = deps;
  const now = deps.now ?? Date.now;
  const stamp = () => new Date(now()).toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return {
    queryHistory: async ({ filter, cursor, limit }) => ok(history.query(filter, now(), limit, cursor)),
    getHistoryRow: async ({ id }) => {
      const row = history.get(id);
      return row ? ok(row) : notFound(id);
    },
    historyCurl: async ({ id }) => {
      const row = history.get(id);
      return row ? ok({ command: curlCommand(row) }) : notFound(id);
    },
    exportHistory: async ({ filter, format }) => {
      let count = 0;
      const rows = (function* () {
        for (const r of history.iterate(filter, now())) {
          count++;
          yield r;
        }
      })();
      const text = format === 'csv' ? toCsv(rows, now()) : toJson(rows, now());
      return ok({ text, filename: `faceid-history-${stamp()}.${format}`, count });
    },
    deleteHistory: async (req) => {
      const filter: HistoryFilter = 'all' in req ? {} : req.filter;
      // Best frames held in memory go with the rows (biometric data; cheaper to drop all than to match).
      bestImages?.clear();
      return ok({ deleted: history.delete(filter, now()) });
    },
    getKeptPhoto: async ({ sha256 }) => {
      const bytes = history.photo(sha256);
      return bytes ? ok({ dataBase64: Buffer.from(bytes).toString('base64') }) : fail({ code: 'NOT_FOUND', field: 'sha256', message: 'That photo was not kept (only hashes are stored unless photo keeping is on).' });
    },
    getSettings: async () => ok(settings.get()),
    updateSettings: async ({ settings: next }) => {
      const saved = settings.update(next);
      history.applyRetention(saved, now());
      return ok(saved);
    },
  };
}
