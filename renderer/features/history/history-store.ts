/**
 * UI state of the history view (zustand): the filter being edited, the pages loaded so far, the
 * selected call. Pages come newest first, 100 at a time, following the `next` cursor; an answer
 * to an older query (the filter changed meanwhile) is dropped.
 */
import { create } from 'zustand';
import type { HistoryCursor, HistoryFilter, HistoryListRow, HistoryRow } from '../../../core/history';
import { TEAM_ERROR_PARAMS } from '../../../core/team-messages';
import { api } from '../../bridge';
import type { MessageRef } from '../../../core/i18n/render';
import { errorText } from '../../i18n/error-text';
import { i18n } from '../../i18n/i18n';
import { renderRef } from '../../i18n/message-ref';
import { EMPTY_FORM, filterKey, toHistoryFilter, type FilterForm } from './filter-form';

export const PAGE_SIZE = 100;

export type Detail =
  | { phase: 'none' }
  | { phase: 'loading'; id: number }
  | { phase: 'ready'; row: HistoryRow }
  | { phase: 'error'; id: number; message: string };

export interface HistoryState {
  form: FilterForm;
  /** The filter the loaded rows answer. */
  filter: HistoryFilter;
  problem?: MessageRef;
  rows: HistoryListRow[];
  total: number;
  totalCapped: boolean;
  next?: HistoryCursor;
  loading: boolean;
  loadingMore: boolean;
  error?: string;
  selectedId?: number;
  detail: Detail;

  /** Edits the filter form; `apply` refetches when the filter it gives changed. */
  setForm(patch: Partial<FilterForm>, apply: boolean): void;
  /** Takes the form as it is (after the search box's debounce). */
  apply(): void;
  /**
   * Reloads from the first page with the current filter. The selected call stays selected while
   * it exists, on this page or not (a call shown by id may be older than the page); a deleted
   * one is dropped.
   */
  refresh(): Promise<void>;
  loadMore(): Promise<void>;
  select(id: number | undefined): Promise<void>;
  /** Re-reads the selected call (e.g. a pending call that has finished). */
  reloadDetail(): Promise<void>;
  /**
   * Clears the search and filters and selects a call (a clone just sent, a trail followed): this
   * desk's, or with `scope` a team call by its team id. The call shows even when it is older than
   * the first page.
   */
  showCall(id: number, scope?: 'branch' | 'all'): void;
}

let generation = 0;

/** A team store's refusal in the operator's words (namespace `team`), or undefined for other errors. */
function teamWords(e: { code: string; params?: Record<string, string | number> }): string | undefined {
  if (!e.code.startsWith('TEAM_')) return undefined;
  return renderRef({
    ns: 'team',
    key: `errors.${e.code}`,
    params: { ...TEAM_ERROR_PARAMS, ...e.params },
  });
}

/** The loaded rows with `row`'s status and result fields taken over (the same array when nothing changed). */
function withListFields(rows: HistoryListRow[], row: HistoryRow): HistoryListRow[] {
  const i = rows.findIndex((r) => r.id === row.id);
  const old = rows[i];
  if (!old || (old.status === row.status && old.resultStatus === row.resultStatus && old.verdict === row.verdict)) return rows;
  const next = [...rows];
  next[i] = { ...old, status: row.status, resultStatus: row.resultStatus, verdict: row.verdict };
  return next;
}

export const useHistory = create<HistoryState>((set, get) => ({
  form: EMPTY_FORM,
  filter: {},
  rows: [],
  total: 0,
  totalCapped: false,
  loading: false,
  loadingMore: false,
  detail: { phase: 'none' },

  setForm(patch, apply) {
    set((s) => ({ form: { ...s.form, ...patch } }));
    if (apply) get().apply();
  },

  apply() {
    const { filter, problem } = toHistoryFilter(get().form);
    const changed = filterKey(filter) !== filterKey(get().filter);
    set({ problem });
    if (changed) {
      // Row ids are the local store's or the team store's: a selection does not survive a change of scope.
      if ((filter.scope ?? 'desk') !== (get().filter.scope ?? 'desk')) set({ selectedId: undefined, detail: { phase: 'none' } });
      set({ filter });
      // A new search or filter shows only what it finds: a selection it does not list goes.
      void get()
        .refresh()
        .then(() => {
          const s = get();
          if (s.filter === filter && s.selectedId !== undefined && !s.rows.some((row) => row.id === s.selectedId))
            set({ selectedId: undefined, detail: { phase: 'none' } });
        });
    }
  },

  async refresh() {
    const gen = ++generation;
    set({ loading: true, error: undefined });
    const r = await api.queryHistory({ filter: get().filter, limit: PAGE_SIZE });
    if (gen !== generation) return;
    if (!r.ok) return set({ loading: false, error: i18n.t('history:readFailed', { message: teamWords(r.error) ?? errorText(r.error) }) });
    const { rows, total, totalCapped, next } = r.value;
    set({ loading: false, rows, total, totalCapped, next });
    const selected = get().selectedId;
    if (selected === undefined || rows.some((row) => row.id === selected)) return;
    // Off this page: kept if the call is still there (deleted, or gone by retention, it is dropped).
    const scope = get().filter.scope;
    const still = await api.getHistoryRow(scope ? { id: selected, scope } : { id: selected });
    if (get().selectedId === selected && !still.ok && still.error.code === 'NOT_FOUND')
      set({ selectedId: undefined, detail: { phase: 'none' } });
  },

  async loadMore() {
    const s = get();
    if (!s.next || s.loading || s.loadingMore) return;
    const gen = generation;
    set({ loadingMore: true });
    const r = await api.queryHistory({ filter: s.filter, cursor: s.next, limit: PAGE_SIZE });
    if (gen !== generation) return set({ loadingMore: false });
    if (!r.ok)
      return set({ loadingMore: false, error: i18n.t('history:moreFailed', { message: teamWords(r.error) ?? errorText(r.error) }) });
    const seen = new Set(get().rows.map((row) => row.id));
    set((st) => ({ loadingMore: false, rows: [...st.rows, ...r.value.rows.filter((row) => !seen.has(row.id))], next: r.value.next }));
  },

  async select(id) {
    set({ selectedId: id, detail: id === undefined ? { phase: 'none' } : { phase: 'loading', id } });
    if (id !== undefined) await get().reloadDetail();
  },

  showCall(id, scope) {
    const form: FilterForm = scope ? { ...EMPTY_FORM, scope } : EMPTY_FORM;
    set({ form, filter: toHistoryFilter(form).filter, problem: undefined, selectedId: id, detail: { phase: 'loading', id } });
    void get()
      .refresh()
      .then(() => get().reloadDetail());
  },

  async reloadDetail() {
    const id = get().selectedId;
    if (id === undefined) return;
    const scope = get().filter.scope;
    const r = await api.getHistoryRow(scope ? { id, scope } : { id });
    if (get().selectedId !== id) return;
    set({ detail: r.ok ? { phase: 'ready', row: r.value } : { phase: 'error', id, message: teamWords(r.error) ?? errorText(r.error) } });
    // The list row beside the detail shows what the detail now knows: a result just fetched puts
    // its verdict in the list's column instead of the token's countdown.
    if (r.ok) set((s) => ({ rows: withListFields(s.rows, r.value) }));
  },
}));
