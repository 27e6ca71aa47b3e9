import { useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMN_WIDTH_MAX, COLUMN_WIDTH_MIN, type HistoryColumn } from '../../../core/history-schemas';
import { clampWidth, useColumns } from './column-widths';

/** One arrow press moves the edge this far; with Shift, four times as far. */
const STEP = 16;

/**
 * The edge at the right of a column's header: a focusable separator (WAI-ARIA window splitter)
 * that a pointer drags and the arrow keys move. Home and End go to the narrowest and widest,
 * Enter or a double click give the column back its automatic share of the row, and Esc during a
 * drag undoes it.
 */
export function ColumnResizer({ col, label }: { col: HistoryColumn; label: string }) {
  const { t } = useTranslation('support');
  const stored = useColumns((s) => s.widths[col]);
  const setWidth = useColumns((s) => s.setWidth);
  const ref = useRef<HTMLSpanElement>(null);
  const drag = useRef<{ x: number; width: number; pointer: number; before: number | undefined } | null>(null);
  // The width the header cell really has (the stored one when the row has room for it).
  const [shown, setShown] = useState<number>();
  // Set after a change that may not fit: the stored width follows what the row could give.
  const fitAfter = useRef(false);

  const cellWidth = () => Math.round(ref.current?.parentElement?.getBoundingClientRect().width ?? stored ?? COLUMN_WIDTH_MIN);

  useLayoutEffect(() => {
    // (What is shown follows the cell's size through the observer below.)
    const width = cellWidth();
    if (fitAfter.current && stored !== undefined && width < stored - 1) setWidth(col, Math.max(width, COLUMN_WIDTH_MIN), !drag.current);
    fitAfter.current = false;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- measured after each change of this column's width
  }, [stored]);

  // The window (or the panel beside the list) changing size changes what the cell is given.
  useLayoutEffect(() => {
    const cell = ref.current?.parentElement;
    if (!cell || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setShown(cellWidth()));
    observer.observe(cell);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one observer per mounted cell
  }, []);

  const change = (px: number | undefined, save = true) => {
    fitAfter.current = px !== undefined;
    setWidth(col, px, save);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLSpanElement>) => {
    const d = drag.current;
    if (e.key === 'Escape' && d) {
      // Esc during a drag puts the width back as it was before (the capture's loss then changes nothing).
      e.preventDefault();
      change(d.before);
      drag.current = null;
      if (ref.current?.hasPointerCapture(d.pointer)) ref.current.releasePointerCapture(d.pointer);
      return;
    }
    const now = cellWidth();
    const step = e.shiftKey ? STEP * 4 : STEP;
    const next = { ArrowLeft: now - step, ArrowRight: now + step, Home: COLUMN_WIDTH_MIN, End: COLUMN_WIDTH_MAX }[e.key];
    if (e.key === 'Enter') {
      e.preventDefault();
      change(undefined);
      return;
    }
    if (next === undefined) return;
    e.preventDefault();
    change(clampWidth(next));
  };

  const onPointerDown = (e: PointerEvent<HTMLSpanElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    ref.current?.focus();
    ref.current?.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width: cellWidth(), pointer: e.pointerId, before: stored };
  };
  const onPointerMove = (e: PointerEvent<HTMLSpanElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    change(clampWidth(d.width + e.clientX - d.x), false);
  };
  const endDrag = (e: PointerEvent<HTMLSpanElement>, keep: boolean) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    drag.current = null;
    if (ref.current?.hasPointerCapture(e.pointerId)) ref.current.releasePointerCapture(e.pointerId);
    if (keep) {
      // Saved once, at the end of the drag, at the width the row could give it.
      const width = cellWidth();
      change(stored !== undefined ? Math.min(stored, Math.max(width, COLUMN_WIDTH_MIN)) : width);
    } else change(d.before);
  };

  const value = shown ?? stored ?? COLUMN_WIDTH_MIN;
  return (
    <span
      ref={ref}
      className="col-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('list.resize', { column: label })}
      aria-valuemin={COLUMN_WIDTH_MIN}
      aria-valuemax={COLUMN_WIDTH_MAX}
      aria-valuenow={value}
      aria-valuetext={t('list.resizeValue', { width: value })}
      title={t('list.resizeHelp')}
      tabIndex={0}
      data-column={col}
      data-stored={stored ?? 'auto'}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={(e) => endDrag(e, true)}
      onPointerCancel={(e) => endDrag(e, false)}
      onLostPointerCapture={(e) => endDrag(e, true)}
      onDoubleClick={() => change(undefined)}
    />
  );
}
