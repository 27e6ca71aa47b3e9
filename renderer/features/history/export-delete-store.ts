/**
 * The export and delete flows of the history view (zustand), out of the component: an export is
 * streamed by the trusted side (the desktop save dialog, or a one-time download the browser
 * shell streams), a deletion is counted first and confirmed. Notices are message keys with their
 * parameters; the component words them.
 */
import { create } from 'zustand';
import type { HistoryFilter } from '../../../core/history';
import { api } from '../../bridge';
import { downloadUrl } from '../../app/download';
import type { exchangeMessages } from './exchange-messages';
import { messageOf } from './format';
import { useHistory } from './history-store';
import { errorText } from '../../i18n/error-text';

type NoticeKey = `exportDelete.${keyof (typeof exchangeMessages)['en']['exportDelete'] & string}`;
export type Notice = { kind: 'ok' | 'error'; key: NoticeKey; params?: Record<string, string | number> };
export type Confirm = { scope: 'filtered' | 'all'; filter: HistoryFilter; total: number; capped: boolean };

export interface ExportDeleteState {
  busy: boolean;
  notice: Notice | null;
  confirm: Confirm | null;
  exportAs(format: 'csv' | 'json'): Promise<void>;
  ask(scope: 'filtered' | 'all'): Promise<void>;
  remove(): Promise<void>;
  cancel(): void;
}

export const useExportDelete = create<ExportDeleteState>((set, get) => {
  const run = async (task: () => Promise<void>) => {
    set({ busy: true, notice: null });
    try {
      await task();
    } catch (e) {
      set({ notice: { kind: 'error', key: 'exportDelete.exportFailed', params: { message: messageOf(e) } } });
    } finally {
      set({ busy: false });
    }
  };
  return {
    busy: false,
    notice: null,
    confirm: null,
    exportAs: (format) =>
      run(async () => {
        const r = await api.saveHistoryExport({ filter: useHistory.getState().filter, format });
        if (!r.ok) return set({ notice: { kind: 'error', key: 'exportDelete.exportFailed', params: { message: errorText(r.error) } } });
        const v = r.value;
        switch (v.kind) {
          case 'empty':
            return set({ notice: { kind: 'error', key: 'exportDelete.empty' } });
          case 'cancelled':
            return set({ notice: { kind: 'ok', key: 'exportDelete.cancelled' } });
          case 'saved':
            return set({ notice: { kind: 'ok', key: 'exportDelete.saved', params: { count: v.count, filename: v.filename } } });
          case 'download':
            downloadUrl(v.url, v.filename);
            return set({
              notice: {
                kind: 'ok',
                key: v.countCapped ? 'exportDelete.downloadingCapped' : 'exportDelete.downloading',
                params: { count: v.count, filename: v.filename },
              },
            });
        }
      }),
    ask: (scope) =>
      run(async () => {
        const filter = scope === 'all' ? {} : useHistory.getState().filter;
        // Counted now, not taken from the list, so the number stated is the number that goes.
        const r = await api.queryHistory({ filter, limit: 1 });
        if (!r.ok) return set({ notice: { kind: 'error', key: 'exportDelete.countFailed', params: { message: errorText(r.error) } } });
        set({ confirm: { scope, filter, total: r.value.total, capped: r.value.totalCapped } });
      }),
    remove: () =>
      run(async () => {
        const c = get().confirm;
        if (!c) return;
        const r = await api.deleteHistory(c.scope === 'all' ? { all: true } : { filter: c.filter });
        set({ confirm: null });
        if (!r.ok) return set({ notice: { kind: 'error', key: 'exportDelete.deleteFailed', params: { message: errorText(r.error) } } });
        set({ notice: { kind: 'ok', key: 'exportDelete.deleted', params: { count: r.value.deleted } } });
        await useHistory.getState().refresh();
      }),
    cancel: () => set({ confirm: null }),
  };
});
