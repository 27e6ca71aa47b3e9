import { useState } from 'react';
import type { HistoryRow } from '../../../core/history';
import { api } from '../../bridge';
import { messageOf } from './format';

type CurlState = { phase: 'idle' } | { phase: 'loading' } | { phase: 'shown'; command: string; note: string } | { phase: 'error'; message: string };

/** Copy as cURL: the command goes to the clipboard and stays on screen to be selected by hand. */
export function CurlBox({ row }: { row: HistoryRow }) {
  const [state, setState] = useState<CurlState>({ phase: 'idle' });
  const copy = async () => {
    setState({ phase: 'loading' });
    const r = await api.historyCurl({ id: row.id });
    if (!r.ok) return setState({ phase: 'error', message: `The cURL command could not be made: ${r.error.message}` });
    const command = r.value.command;
    let note = 'Copied to the clipboard. The secret is read from $FACEID_API_SECRET.';
    try {
      await navigator.clipboard.writeText(command);
    } catch (e) {
      note = `Not copied to the clipboard (${messageOf(e)}); select the command below and copy it.`;
    }
    setState({ phase: 'shown', command, note });
  };
  return (
    <div className="curl-box">
      <button type="button" onClick={() => void copy()} disabled={state.phase === 'loading'}>
        Copy as cURL
      </button>
      {state.phase === 'error' && (
        <p className="msg error" role="alert">
          {state.message}
        </p>
      )}
      {state.phase === 'shown' && (
        <>
          <p className="msg info" role="status">
            {state.note}
          </p>
          <textarea className="curl-command" aria-label="cURL command" readOnly value={state.command} rows={Math.min(14, state.command.split('\n').length + 1)} onFocus={(e) => e.currentTarget.select()} />
        </>
      )}
    </div>
  );
}
