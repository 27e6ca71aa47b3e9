import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallWatch } from '../../../core/desk';
import type { HistoryListRow } from '../../../core/history';
import { formatTime } from '../../../core/i18n/format';
import { api } from '../../bridge';
import { currentLocale } from '../../i18n/i18n';
import { stateNow } from './useWatch';

/** Midnight of the local day of `nowMs`. */
const dayStart = (nowMs: number) => {
  const d = new Date(nowMs);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
};

/** This console's calls of the day, re-read every few seconds (the console's own storage only). */
export function useTodayRows(refreshKey: unknown, intervalMs = 3000): HistoryListRow[] {
  const [rows, setRows] = useState<HistoryListRow[]>([]);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      const r = await api.queryHistory({ filter: { from: dayStart(Date.now()) }, limit: 50 });
      if (stopped) return;
      if (r.ok) setRows(r.value.rows);
      timer = setTimeout(() => void read(), intervalMs);
    };
    void read();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [refreshKey, intervalMs]);
  return rows;
}

/** "Today at this desk": each call with its live status; a click brings its verdict back. */
export function TodayList({
  rows,
  watch,
  shownId,
  nowMs,
  onPick,
}: {
  rows: HistoryListRow[];
  watch: Map<number, CallWatch>;
  shownId?: number;
  nowMs: number;
  onPick(id: number): void;
}) {
  const { t } = useTranslation('desk');
  const locale = currentLocale();
  return (
    <nav className="desk-today pane" aria-label={t('today.label')}>
      <h2>{t('today.label')}</h2>
      {rows.length === 0 ? (
        <p className="hint">{t('today.empty')}</p>
      ) : (
        <ul>
          {rows.map((r) => {
            const w = watch.get(r.id);
            const stage = w ? stateNow(w, nowMs).stage : r.verdict;
            return (
              <li key={r.id}>
                <button
                  type="button"
                  className={`today-row${r.id === shownId ? ' selected' : ''}`}
                  aria-current={r.id === shownId ? 'true' : undefined}
                  onClick={() => onPick(r.id)}
                >
                  <span className="today-time">{formatTime(r.startedAt, locale)}</span>
                  <span className="today-uuid">{r.uuid || r.bizNo}</span>
                  <span className={`today-stage stage-${stage ?? 'failed'}`} data-testid="today-stage">
                    {r.status !== 'issued' ? t('today.failed') : stage ? t(`today.stage.${stage}`) : t('today.stage.issued')}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
}
