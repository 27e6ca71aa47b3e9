import { useEffect, useState } from 'react';
import type { HistoryRow } from '../../../core/history';
import { api } from '../../bridge';
import { errorText } from '../../i18n/error-text';

const FINAL = new Set(['OK', 'FAILED', 'CANCELLED', 'TIMEOUT', 'WEBRTC_UNSUPPORTED']);

/**
 * A history row, re-read from the console's own storage every few seconds until its verification
 * result is final. This never calls the service: results are fetched only on request or when a
 * flow is reported finished, then stored.
 */
export function useStoredRow(historyId: number | undefined, intervalMs = 1500): { row?: HistoryRow; error?: string; reload(): void } {
  const [row, setRow] = useState<HistoryRow>();
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (historyId === undefined) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      const r = await api.getHistoryRow({ id: historyId });
      if (stopped) return;
      if (r.ok) {
        setRow(r.value);
        setError(undefined);
        if (!FINAL.has(r.value.result?.status ?? '')) timer = setTimeout(() => void read(), intervalMs);
      } else setError(errorText(r.error));
    };
    void read();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [historyId, intervalMs, tick]);
  return { row, error, reload: () => setTick((t) => t + 1) };
}
