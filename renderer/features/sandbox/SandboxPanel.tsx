import { useCallback, useEffect, useRef, useState } from 'react';
import type { SandboxFaultPlan, SandboxState } from '../../../core/api';
import { useTranslation } from 'react-i18next';
import { checkFaultPlan, type FaultOperation } from '../../../core/sandbox-faults';
import { useConsole } from '../../app/store';
import { api } from '../../bridge';
import { useHistory } from '../history/history-store';
import { SandboxScenes } from './SandboxScenes';
import { SandboxTrust } from './SandboxTrust';
import { SandboxFaceSwitch } from '../precheck/SandboxFaceSwitch';

type Mode = NonNullable<SandboxFaultPlan['mode']> | '';
type Operation = FaultOperation | '';

/** The embedded sandbox's support controls: faults for its next answers, and its callback log. */
export function SandboxPanel({ onClose }: { onClose(): void }) {
  const [state, setState] = useState<SandboxState>();
  const [error, setError] = useState<string>();
  const [latency, setLatency] = useState('0');
  const [mode, setMode] = useState<Mode>('');
  const [remaining, setRemaining] = useState('1');
  const [operation, setOperation] = useState<Operation>('');
  const dialog = useRef<HTMLDialogElement>(null);
  const { t } = useTranslation('support');
  // The view is the app store's: the panel closes and shows the form (Use in form) or the history row.
  const goTo = (view: 'expert' | 'support') => {
    dialog.current?.close();
    useConsole.getState().setView(view);
  };

  const refresh = useCallback(() => {
    void api.getSandboxState({}).then((r) => (r.ok ? setState(r.value) : setError(r.error.message)));
  }, []);
  useEffect(() => {
    dialog.current?.showModal();
    refresh();
    const t = setInterval(refresh, 2000);
    return () => clearInterval(t);
  }, [refresh]);

  const show = (r: Awaited<ReturnType<typeof api.getSandboxState>>) => {
    if (r.ok) {
      setState(r.value);
      setError(undefined);
    } else setError(r.error.message);
  };
  const apply = (plan: SandboxFaultPlan | null) => void api.setSandboxFaults({ plan }).then(show);
  const setLenient = (lenient: boolean) => void api.setSandboxMode({ lenient }).then(show);

  return (
    <dialog ref={dialog} className="tool-dialog wide" aria-label="Sandbox" onClose={onClose}>
      <header>
        <h2>Embedded sandbox</h2>
        <button type="button" className="small" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </header>
      {state && (
        <p className="hint">
          Serving at <code>{state.baseUrl}</code>. Faults apply to your next get_token / get_result calls; the console's own result fetch
          after a flow ends is never affected.
        </p>
      )}
      <form
        className="inline-form"
        aria-label="Fault injection"
        onSubmit={(e) => {
          e.preventDefault();
          // The bounds are checked once, in core (the same check the sandbox applies).
          const ms = latency.trim() === '' ? 0 : Number(latency);
          try {
            apply(
              checkFaultPlan({
                latencyMs: ms === 0 ? undefined : ms,
                mode: mode === '' ? undefined : mode,
                operation: operation === '' ? undefined : operation,
                remaining: Number(remaining),
              }),
            );
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          }
        }}
      >
        <label>
          Added latency (ms)
          <input type="text" inputMode="numeric" value={latency} onChange={(e) => setLatency(e.target.value)} />
        </label>
        <label>
          Failure
          <select value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            <option value="">none</option>
            <option value="reset">connection reset</option>
            <option value="proxy-502">HTML 502 from a proxy</option>
            <option value="trickle">slow trickle answer</option>
            <option value="concurrency">CONCURRENCY_LIMIT_EXCEEDED</option>
          </select>
        </label>
        <label>
          Applies to
          <select value={operation} onChange={(e) => setOperation(e.target.value as Operation)}>
            <option value="">get_token or get_result</option>
            <option value="get_token">get_token only</option>
            <option value="get_result">get_result only</option>
          </select>
        </label>
        <label>
          For the next N calls
          <input type="text" inputMode="numeric" value={remaining} onChange={(e) => setRemaining(e.target.value)} />
        </label>
        <button type="submit" className="primary">
          Apply
        </button>
        <button type="button" onClick={() => apply(null)}>
          Clear faults
        </button>
      </form>
      {state?.faults && (
        <p className="msg warning" role="status">
          Active: {JSON.stringify(state.faults)}
        </p>
      )}
      {error && (
        <p className="msg error" role="alert">
          {error}
        </p>
      )}
      {state && <SandboxTrust state={state} onMode={setLenient} />}
      {state && <SandboxFaceSwitch state={state} onState={show} />}
      {state?.scenes && <SandboxScenes scenes={state.scenes} onUsed={() => goTo('expert')} />}
      <h3>Callbacks the sandbox made</h3>
      {state && state.callbacks.length === 0 && <p className="hint">None yet: finish a flow on the sandbox's liveness page.</p>}
      {state && state.callbacks.length > 0 && (
        <table className="callback-log" aria-label="Callback log">
          <thead>
            <tr>
              <th>time</th>
              <th>kind</th>
              <th>method</th>
              <th>URL</th>
              <th>attempt</th>
              <th>status</th>
              <th>latency</th>
              <th>sign</th>
              <th>data</th>
              <th>{t('scenes.callColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {[...state.callbacks].reverse().map((c, i) => (
              <tr key={i}>
                <td>{new Date(c.at).toLocaleTimeString()}</td>
                <td>{c.kind}</td>
                <td>{c.method}</td>
                <td className="url">{c.url}</td>
                <td>{c.attempt}</td>
                <td>{c.status ?? c.error ?? '—'}</td>
                <td>{c.latencyMs !== undefined ? `${c.latencyMs} ms` : '—'}</td>
                <td>
                  <code>{c.sign}</code>
                </td>
                <td>
                  <details>
                    <summary>data</summary>
                    <pre className="json">{c.data}</pre>
                  </details>
                </td>
                <td>
                  {c.historyId !== undefined ? (
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        if (c.historyId !== undefined) useHistory.getState().showCall(c.historyId);
                        goTo('support');
                      }}
                    >
                      {t('scenes.openCall', { id: c.historyId })}
                    </button>
                  ) : (
                    <small className="hint">{t('scenes.notInHistory')}</small>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </dialog>
  );
}
