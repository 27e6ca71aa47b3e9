/**
 * The widths the operator gave the history list's columns. They are a setting (settings.json on
 * the trusted side, through getSettings/updateSettings), so they are the same in the desktop and
 * the browser shell, whatever port the latter opens on. Each width is a CSS custom property on
 * the list (`--col-biz-no` …) that every grid template of styles.css reads, the narrow ones too:
 * a column hidden under 1100 px keeps its width for when the window is wide again.
 */
import { create } from 'zustand';
import { COLUMN_WIDTH_MAX, COLUMN_WIDTH_MIN, type HistoryColumn } from '../../../core/history-schemas';
import { api } from '../../bridge';

export type ColumnWidths = Partial<Record<HistoryColumn, number>>;

/** The custom property of each resizable column. */
export const COLUMN_VAR: Record<HistoryColumn, string> = {
  bizNo: '--col-biz-no',
  bizId: '--col-biz-id',
  uuid: '--col-uuid',
  profile: '--col-profile',
};

export const clampWidth = (px: number) => Math.round(Math.min(COLUMN_WIDTH_MAX, Math.max(COLUMN_WIDTH_MIN, px)));

/** Each column's narrowest share of a crowded row, as in the widest grid template of styles.css. */
const FLOOR: Record<HistoryColumn, number> = { bizNo: 96, bizId: 64, uuid: 56, profile: 56 };

/**
 * The grid track of a resized column: as wide as set when the row has room; in a crowded row
 * narrower, but never below its usual minimum (or the width set, when that is narrower), so the
 * fixed columns and their badges always stay in the row.
 */
export const trackOf = (col: HistoryColumn, px: number) => `minmax(${Math.min(px, FLOOR[col])}px, ${px}px)`;

/** The style that carries the widths to every row (header and calls). */
export function columnStyle(widths: ColumnWidths): Record<string, string> {
  const style: Record<string, string> = {};
  for (const [col, px] of Object.entries(widths) as [HistoryColumn, number][]) style[COLUMN_VAR[col]] = trackOf(col, px);
  return style;
}

interface ColumnState {
  widths: ColumnWidths;
  loaded: boolean;
  load(): Promise<void>;
  /** Sets one column's width (undefined: back to its automatic share) and saves all of them. */
  setWidth(col: HistoryColumn, px: number | undefined, save?: boolean): void;
  save(): Promise<void>;
}

/** One save at a time; the last widths asked for are the ones that end up stored. */
let saving: Promise<void> = Promise.resolve();

export const useColumns = create<ColumnState>((set, get) => ({
  widths: {},
  loaded: false,
  async load() {
    const r = await api.getSettings({});
    set({ widths: r.ok ? r.value.historyColumns : {}, loaded: true });
  },
  setWidth(col, px, save = true) {
    const widths = { ...get().widths };
    if (px === undefined) delete widths[col];
    else widths[col] = clampWidth(px);
    set({ widths });
    if (save) void get().save();
  },
  save() {
    saving = saving.then(async () => {
      // A failed save leaves the widths on screen for this session; the next change tries again.
      await api.updateSettings({ settings: { historyColumns: get().widths } });
    });
    return saving;
  },
}));
