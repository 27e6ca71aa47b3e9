import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallWatch } from '../../../core/desk';
import { isEndStage } from '../../../core/faceid/flow-status';
import { displayStatus, type HistoryListRow } from '../../../core/history';
import { stateNow, useWatch } from '../desk/useWatch';
import { formatRemaining, useNow } from '../result/useNow';
import { environmentName, formatShortTime, formatTime, statusLabel } from './format';
import { useHistory } from './history-store';
import { TeamOriginTag } from './TeamCallNote';
import { splitTail } from './ids';
import type { HistoryColumn } from '../../../core/history-schemas';
import { ColumnResizer } from './ColumnResizer';
import { columnStyle, useColumns } from './column-widths';
import { i18n } from '../../i18n/i18n';

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
        <span className="id-tail">
          <span className="id-tail-text">{parts.tail}</span>
        </span>
      </span>
      <span className="visually-hidden">{value}</span>
    </>
  );
}

/** Once the customer has opened the page (or a result is in), the token is spent: no countdown. */
const spent = (row: HistoryListRow) => row.verdict !== undefined || (row.resultStatus !== undefined && row.resultStatus !== 'NOT_STARTED');

/**
 * A sandbox row whose token may still be in a customer's hands: its live stage is learnt from the
 * sandbox (events for the built-in one), never from the vendor. Rows of real profiles keep their countdown here (a
 * watch could make the trusted side poll the vendor for every row on screen); the desk's Today
 * list and the detail are where their status is followed.
 */
const live = (row: HistoryListRow, now: number) =>
  row.desk === undefined && row.environment === 'sandbox' && displayStatus(row, now) === 'issued' && !spent(row);

function Row({ row, now, watch }: { row: HistoryListRow; now: number; watch?: CallWatch }) {
  const { t: td } = useTranslation('desk');
  const status = displayStatus(row, now);
  // The customer has opened the page (or is on it, or just finished): the token is spent, so the
  // live stage replaces the countdown until the row's verdict is stored.
  const stage = watch ? stateNow(watch, now).stage : undefined;
  const moved = stage !== undefined && stage !== 'issued' && stage !== 'expired-unused';
  const remaining =
    status === 'issued' && row.expiredTime !== undefined && !spent(row) && !moved ? formatRemaining(row.expiredTime, now) : null;
  const { t } = useTranslation('support');
  return (
    <>
      <span className="cell badge-cell">
        <span className={`status-badge status-${status}`}>{statusLabel(status)}</span>
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
      <span className="cell" title={`${row.profileName} (${environmentName(row.environment)})`}>
        {row.desk !== undefined ? <TeamOriginTag row={row} /> : row.profileName}
      </span>
      <span className="cell mono" title={formatTime(row.startedAt)}>
        {formatShortTime(row.startedAt)}
      </span>
      <span
        className={`cell countdown-cell${row.verdict ? ` stage-${row.verdict}` : moved ? ` stage-${stage}` : ''}`}
        aria-label={remaining ? t('list.expiresIn', { remaining }) : undefined}
        data-live-stage={!row.verdict && moved ? stage : undefined}
      >
        {row.verdict ? (
          td(`verdict.${row.verdict}`)
        ) : moved && stage ? (
          <span title={t('list.live', { stage: td(`today.stage.${stage}`) })}>
            {isEndStage(stage)
              ? td(`verdict.${stage as Exclude<typeof stage, 'issued' | 'opened' | 'in-progress'>}`)
              : td(`today.stage.${stage}`)}
          </span>
        ) : (
          (remaining ?? '')
        )}
      </span>
    </>
  );
}

/** A resizable column's name, its right edge the separator that sets its width. */
function HeadCell({ col, label }: { col: HistoryColumn; label: string }) {
  return (
    <span className="cell resizable">
      <span className="head-label" aria-hidden="true">
        {label}
      </span>
      <ColumnResizer col={col} label={label} />
    </span>
  );
}

/** The calls, newest first, virtualized: only the rows on screen exist in the page. */
export function HistoryList() {
  const { t } = useTranslation('desk');
  const { t: ts } = useTranslation('support');
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
  const widths = useColumns((s) => s.widths);
  useEffect(() => {
    if (!useColumns.getState().loaded) void useColumns.getState().load();
  }, []);
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
  // The live stage of the rows on screen whose token may be in a customer's hands (issued, not
  // yet spent): asked of the console's own API, never of the vendor (see useWatch).
  const liveIds = useMemo(
    () =>
      items
        .map((i) => rows[i.index])
        .filter((r): r is HistoryListRow => r !== undefined && live(r, Date.now()))
        .map((r) => r.id),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the visible range and the rows decide it
    [rows, items.map((i) => i.index).join(',')],
  );
  const watched = useWatch(liveIds, 2000);

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
    <div className="history-list" style={columnStyle(widths)}>
      {/* The names repeat what each option says; the column edges are the header's own controls. */}
      <div className="history-row history-head">
        <span className="cell" aria-hidden="true">
          {ts('list.status')}
        </span>
        <HeadCell col="bizNo" label="biz_no" />
        <HeadCell col="bizId" label={i18n.t('history:bizIdColumn')} />
        <HeadCell col="uuid" label="uuid" />
        <HeadCell col="profile" label={ts('list.profile')} />
        <span className="cell" aria-hidden="true">
          {ts('list.time')}
        </span>
        <span className="cell" aria-hidden="true">
          {t('history.column')} / {ts('list.expires')}
        </span>
      </div>
      <div
        ref={scroller}
        className="history-scroller"
        role="listbox"
        aria-label={ts('list.label')}
        tabIndex={0}
        aria-activedescendant={selectedId !== undefined && selectedIndex >= 0 ? `call-${selectedId}` : undefined}
        onKeyDown={onKeyDown}
      >
        {rows.length === 0 && !loading && <p className="history-empty">{filtered ? ts('list.emptyFiltered') : ts('list.empty')}</p>}
        <div className="history-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) {
              return (
                <div key="more" className="history-row loading-row" style={{ transform: `translateY(${item.start}px)` }} aria-hidden="true">
                  {loadingMore ? ts('list.loadingMore') : ts('list.scrollMore')}
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
                <Row row={row} now={now} watch={watched.get(row.id)} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
