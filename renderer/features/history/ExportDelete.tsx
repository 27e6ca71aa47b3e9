import { useState } from 'react';
import type { HistoryFilter } from '../../../core/history';
import { api } from '../../bridge';
import { downloadText } from '../../app/download';
import { isEmptyFilter } from './filter-form';
import { formatCount, messageOf } from './format';
import { useHistory } from './history-store';

type Message = { kind: 'ok' | 'error'; text: string } | null;
type Confirm = { scope: 'filtered' | 'all'; filter: HistoryFilter; total: number; capped: boolean } | null;

const MIME = { csv: 'text/csv;charset=utf-8', json: 'application/json' } as const;

/** Export of the filtered calls, and deletion (filtered or all) after an inline confirmation. */
export function ExportDelete() {
  const filter = useHistory((s) => s.filter);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const filtered = !isEmptyFilter(filter);

  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await task();
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  const exportAs = (format: 'csv' | 'json') =>
    run(async () => {
      const r = await api.exportHistory({ filter, format });
      if (!r.ok) return setMessage({ kind: 'error', text: `Export failed: ${r.error.message}` });
      if (r.value.count === 0) return setMessage({ kind: 'error', text: 'Nothing to export: no call matches the filter.' });
      downloadText(r.value.text, r.value.filename, MIME[format]);
      setMessage({ kind: 'ok', text: `Exported ${formatCount(r.value.count, false)} to ${r.value.filename}.` });
    });

  const ask = (scope: 'filtered' | 'all') =>
    run(async () => {
      const f = scope === 'all' ? {} : filter;
      // Counted now, not taken from the list, so the number stated is the number that goes.
      const r = await api.queryHistory({ filter: f, limit: 1 });
      if (!r.ok) return setMessage({ kind: 'error', text: `The calls to delete could not be counted: ${r.error.message}` });
      setConfirm({ scope, filter: f, total: r.value.total, capped: r.value.totalCapped });
    });

  const remove = (c: NonNullable<Confirm>) =>
    run(async () => {
      const r = await api.deleteHistory(c.scope === 'all' ? { all: true } : { filter: c.filter });
      setConfirm(null);
      if (!r.ok) return setMessage({ kind: 'error', text: `Nothing was deleted: ${r.error.message}` });
      setMessage({ kind: 'ok', text: `Deleted ${formatCount(r.value.deleted, false)}.` });
      await useHistory.getState().refresh();
    });

  return (
    <div className="export-delete">
      <div className="tool-group" role="group" aria-label="Export">
        <button type="button" onClick={() => void exportAs('csv')} disabled={busy}>
          Export CSV
        </button>
        <button type="button" onClick={() => void exportAs('json')} disabled={busy}>
          Export JSON
        </button>
      </div>
      <div className="tool-group" role="group" aria-label="Delete">
        <button type="button" onClick={() => void ask('filtered')} disabled={busy || !filtered} title={filtered ? undefined : 'Search or filter first; to delete everything use “Delete all…”'}>
          Delete filtered…
        </button>
        <button type="button" onClick={() => void ask('all')} disabled={busy}>
          Delete all…
        </button>
      </div>
      {confirm && (
        <div className="confirm-delete history-confirm" role="group" aria-label="Confirm deletion">
          {confirm.total === 0 ? (
            <span>No call {confirm.scope === 'all' ? 'is recorded' : 'matches the filter'}: nothing to delete.</span>
          ) : (
            <>
              <span>
                Delete {confirm.capped ? 'more than ' : ''}
                {formatCount(confirm.total, false)} {confirm.scope === 'all' ? '— the whole history' : 'matching the filter'}? This cannot be undone.
              </span>
              <button type="button" className="danger" onClick={() => void remove(confirm)} disabled={busy}>
                Delete {confirm.capped ? 'all matching calls' : formatCount(confirm.total, false)}
              </button>
            </>
          )}
          <button type="button" onClick={() => setConfirm(null)}>
            Cancel
          </button>
        </div>
      )}
      {message && (
        <p className={`msg ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
