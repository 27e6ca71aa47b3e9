import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { displayStatus, type HistoryListRow } from '../../../core/history';
import { formatRemaining, useNow } from '../result/useNow';
import { STATUS_LABEL, formatShortTime, formatTime } from './format';
import { useHistory } from './history-store';
import { TeamOriginTag } from './TeamCallNote';
import { splitTail } from './ids';

const ROW_HEIGHT = 34;
/** Start loading the next page this many rows before the end. */
const PREFETCH_ROWS = 30;

/** A long id cut in the middle on screen (the tail always shown), whole for screen readers. */
function Id({ value }: { value: string }) {
  const parts = splitTail(value);
  if (!parts) return <>{value}</>;
  return (
    <>
      <span className="id-split" aria-hidden="true">
        <span className="id-head">{parts.head}</span>
        <span className="id-tail">{parts.tail}</span>
      </span>
      <span className="visually-hidden">{value}</span>
    </>
  );
}

/** Once the customer has opened the page (or a result is in), the token is spent: no countdown. */
const spent = (row: HistoryListRow) => row.verdict !== undefined || (row.resultStatus !== undefined && row.resultStatus !== 'NOT_STARTED');

function Row({ row, now }: { row: HistoryListRow; now: number }) {
  const { t: td } = useTranslation('desk');
  const status = displayStatus(row, now);
  const remaining = status === 'issued' && row.expiredTime !== undefined && !spent(row) ? formatRemaining(row.expiredTime, now) : null;
  const { t } = useTranslation('support');
  return (
    <>
      <span className="cell badge-cell">
        <span className={`status-badge status-${status}`}>{STATUS_LABEL[status]}</span>
      </span>
      <span className="cell mono id-cell" title={row.bizNo}>
        {row.clonedFrom !== undefined && (
          <span className="trail-tag" title={t('trail.listTag', { id: row.clonedFrom })}>
            ↩{row.clonedFrom}
          </span>
        )}
        <Id value={row.bizNo} />
      </span>
      <span className={`cell mono id-cell${row.bizId ? '' : ' faint'}`} title={row.bizId ?? row.errorCode}>
        {row.bizId ? <Id value={row.bizId} /> : (row.errorCode ?? '—')}
      </span>
      <span className="cell mono id-cell" title={row.uuid}>
        {row.uuid ? <Id value={row.uuid} /> : '—'}
      </span>
      <span className="cell" title={`${row.profileName} (${row.environment})`}>
        {row.desk !== undefined ? <TeamOriginTag row={row} /> : row.profileName}
      </span>
      <span className="cell mono" title={formatTime(row.startedAt)}>
        {formatShortTime(row.startedAt)}
      </span>
      <span
        className={`cell countdown-cell${row.verdict ? ` stage-${row.verdict}` : ''}`}
        aria-label={remaining ? `expires in ${remaining}` : undefined}
      >
        {row.verdict ? td(`verdict.${row.verdict}`) : (remaining ?? '')}
      </span>
    </>
  );
}

/** The calls, newest first, virtualized: only the rows on screen exist in the page. */
export function HistoryList() {
  const { t } = useTranslation('desk');
  const rows = useHistory((s) => s.rows);
  const next = useHistory((s) => s.next);
  const total = useHistory((s) => s.total);
  const totalCapped = useHistory((s) => s.totalCapped);
  const loadingMore = useHistory((s) => s.loadingMore);
  const selectedId = useHistory((s) => s.selectedId);
  const loading = useHistory((s) => s.loading);
  const filtered = useHistory((s) => Object.keys(s.filter).length > 0);
  const { loadMore, select } = useHistory.getState();
  const now = useNow();
  const scroller = useRef<HTMLDivElement>(null);
  // Not built with React Compiler, so nothing here is auto-memoized; the virtualizer is used as documented.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length + (next ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (next && lastIndex >= rows.length - PREFETCH_ROWS) void loadMore();
  }, [lastIndex, rows.length, next, loadMore]);

  const selectedIndex = rows.findIndex((r) => r.id === selectedId);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = rows.length - 1;
    const target = {
      ArrowDown: Math.min(selectedIndex + 1, last),
      ArrowUp: Math.max(selectedIndex - 1, 0),
      Home: 0,
      End: last,
      PageDown: Math.min(selectedIndex + 10, last),
      PageUp: Math.max(selectedIndex - 10, 0),
    }[e.key];
    if (target === undefined || last < 0) return;
    e.preventDefault();
    const row = rows[target];
    if (!row) return;
    virtualizer.scrollToIndex(target, { align: 'auto' });
    void select(row.id);
  };
  // -1: the size is not known (more rows match than were counted).
  const setSize = totalCapped ? -1 : Math.max(total, rows.length);

  return (
    <div className="history-list">
      <div className="history-row history-head" aria-hidden="true">
        <span className="cell">Status</span>
        <span className="cell">biz_no</span>
        <span className="cell">biz_id / error</span>
        <span className="cell">uuid</span>
        <span className="cell">Profile</span>
        <span className="cell">Time</span>
        <span className="cell">{t('history.column')} / expires</span>
      </div>
      <div
        ref={scroller}
        className="history-scroller"
        role="listbox"
        aria-label="Calls"
        tabIndex={0}
        aria-activedescendant={selectedId !== undefined && selectedIndex >= 0 ? `call-${selectedId}` : undefined}
        onKeyDown={onKeyDown}
      >
        {rows.length === 0 && !loading && (
          <p className="history-empty">
            {filtered ? 'No call matches the search and filters.' : 'No calls yet: every token issued from this console is kept here.'}
          </p>
        )}
        <div className="history-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) {
              return (
                <div key="more" className="history-row loading-row" style={{ transform: `translateY(${item.start}px)` }} aria-hidden="true">
                  {loadingMore ? 'Loading older calls…' : 'Scroll for older calls'}
                </div>
              );
            }
            const selected = row.id === selectedId;
            return (
              <div
                key={row.id}
                id={`call-${row.id}`}
                role="option"
                aria-selected={selected}
                aria-posinset={item.index + 1}
                aria-setsize={setSize}
                className={`history-row${selected ? ' selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => void select(row.id)}
              >
                <Row row={row} now={now} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
