import { useEffect, useState } from 'react';
import type { CallWatch } from '../../../core/desk';
import { advanceFlow } from '../../../core/faceid/flow-status';
import { api } from '../../bridge';

/**
 * The live status of some calls, asked of the console's own API every `intervalMs` (the browser
 * shell has no push channel; these polls never reach the vendor — only the trusted side decides
 * whether a budgeted get_result poll is due). The renderer's clock is applied on top, so the
 * stage turns "expired unused" the moment the countdown ends.
 */
export function useWatch(ids: readonly number[], intervalMs = 1000): Map<number, CallWatch> {
  const [watch, setWatch] = useState(new Map<number, CallWatch>());
  const key = ids.join(',');
  useEffect(() => {
    const list = key === '' ? [] : key.split(',').map(Number);
    if (list.length === 0) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      const r = await api.watchCalls({ historyIds: list });
      if (stopped) return;
      if (r.ok) setWatch(new Map(r.value.map((w) => [w.historyId, w])));
      timer = setTimeout(() => void read(), intervalMs);
    };
    void read();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [key, intervalMs]);
  return watch;
}

/** A watched call's state at the renderer's `nowMs`. */
export function stateNow(w: CallWatch, nowMs: number): CallWatch['state'] {
  return advanceFlow(w.state, { kind: 'tick', at: nowMs });
}
