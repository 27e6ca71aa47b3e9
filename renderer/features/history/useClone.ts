import { useState } from 'react';
import type { HistoryRow } from '../../../core/history';
import { useConsole } from '../../app/store';
import { i18n } from '../../i18n/i18n';
import { messageOf } from './format';
import { fetchClonePhotos, freshBizNo } from './replay';

export type CloneState = { phase: 'idle' } | { phase: 'working' } | { phase: 'error'; message: string };

/** "Clone into form": fetch kept photos and a fresh biz_no, fill the form, then show it. */
export function useClone(row: HistoryRow, onCloned: () => void): { state: CloneState; clone: () => void } {
  const [state, setState] = useState<CloneState>({ phase: 'idle' });
  const clone = () => {
    setState({ phase: 'working' });
    void (async () => {
      try {
        // The call's profile may have been deleted or renamed since the list of profiles was read.
        const [photos, bizNo] = await Promise.all([fetchClonePhotos(row), freshBizNo(), useConsole.getState().refreshProfiles()]);
        const err = await useConsole.getState().cloneFromHistory(row, { photos, bizNo });
        if (err) return setState({ phase: 'error', message: err });
        setState({ phase: 'idle' });
        onCloned();
      } catch (e) {
        setState({ phase: 'error', message: i18n.t('history:detail.cloneFailed', { message: messageOf(e) }) });
      }
    })();
  };
  return { state, clone };
}
