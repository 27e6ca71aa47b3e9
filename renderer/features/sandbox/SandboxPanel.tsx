import { useCallback, useEffect, useRef, useState } from 'react';
import type { SandboxFaultPlan, SandboxState } from '../../../core/api';
import { useTranslation } from 'react-i18next';
import { FaultPlanError, checkFaultPlan, type FaultOperation } from '../../../core/sandbox-faults';
import { useConsole } from '../../app/store';
import { formatTime } from '../../../core/i18n/format';
import { api } from '../../bridge';
import { useErrorText } from '../../i18n/error-text';
import { renderRef } from '../../i18n/message-ref';
import { currentLocale } from '../../i18n/i18n';
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
  const { t: ts } = useTranslation('sandbox');
  const errorText = useErrorText();
  // The view is the app store's: the panel closes and shows the form (Use in form) or the history row.
  const goTo = (view: 'expert' | 'support') => {
    dialog.current?.close();
    useConsole.getState().setView(view);
  };

  const refresh = useCallback(() => {
    void api.getSandboxState({}).then((r) => (r.ok ? setState(r.value) : setError(errorText(r.error))));
  }, [errorText]);
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
    } else setError(errorText(r.error));
  };
  const apply = (plan: SandboxFaultPlan | null) => void api.setSandboxFaults({ plan }).then(show);
  const setLenient = (lenient: boolean) => void api.setSandboxMode({ lenient }).then(show);

  return (
    <dialog ref={dialog} className="tool-dialog wide" aria-label={ts('label')} onClose={onClose}>
      <header>
        <h2>{ts('title')}</h2>
        <button type="button" className="small" onClick={() => dialog.current?.close()}>
          {ts('close')}
        </button>
      </header>
      {state && <p className="hint">{ts('serving', { url: state.baseUrl })}</p>}
      <form
        className="inline-form"
        aria-label={ts('faults.label')}
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
            setError(err instanceof FaultPlanError ? renderRef(err.ref) : err instanceof Error ? err.message : String(err));
          }
        }}
      >
        <label>
          {ts('faults.latency')}
          <input type="text" inputMode="numeric" value={latency} onChange={(e) => setLatency(e.target.value)} />
        </label>
        <label>
          {ts('faults.failure')}
          <select value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            <option value="">{ts('faults.none')}</option>
            <option value="reset">{ts('faults.reset')}</option>
            <option value="proxy-502">{ts('faults.proxy502')}</option>
            <option value="trickle">{ts('faults.trickle')}</option>
            <option value="concurrency">CONCURRENCY_LIMIT_EXCEEDED</option>
          </select>
        </label>
        <label>
          {ts('faults.appliesTo')}
          <select value={operation} onChange={(e) => setOperation(e.target.value as Operation)}>
            <option value="">{ts('faults.either')}</option>
            <option value="get_token">{ts('faults.tokenOnly')}</option>
            <option value="get_result">{ts('faults.resultOnly')}</option>
          </select>
        </label>
        <label>
          {ts('faults.next')}
          <input type="text" inputMode="numeric" value={remaining} onChange={(e) => setRemaining(e.target.value)} />
        </label>
        <button type="submit" className="primary">
          {ts('faults.apply')}
        </button>
        <button type="button" onClick={() => apply(null)}>
          {ts('faults.clear')}
        </button>
      </form>
      {state?.faults && (
        <p className="msg warning" role="status">
          {ts('faults.active', { plan: JSON.stringify(state.faults) })}
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
      <h3>{ts('callbacks.heading')}</h3>
      {state && state.callbacks.length === 0 && <p className="hint">{ts('callbacks.none')}</p>}
      {state && state.callbacks.length > 0 && (
        <table className="callback-log" aria-label={ts('callbacks.log')}>
          <thead>
            <tr>
              <th>{ts('callbacks.time')}</th>
              <th>{ts('callbacks.kind')}</th>
              <th>{ts('callbacks.method')}</th>
              <th>{ts('callbacks.url')}</th>
              <th>{ts('callbacks.attempt')}</th>
              <th>{ts('callbacks.status')}</th>
              <th>{ts('callbacks.latency')}</th>
              <th>sign</th>
              <th>data</th>
              <th>{t('scenes.callColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {[...state.callbacks].reverse().map((c, i) => (
              <tr key={i}>
                <td>{formatTime(c.at, currentLocale(), { seconds: true })}</td>
                <td>{c.kind}</td>
                <td>{c.method}</td>
                <td className="url">{c.url}</td>
                <td>{c.attempt}</td>
                <td>{c.status ?? c.error ?? '—'}</td>
                <td>{c.latencyMs !== undefined ? ts('callbacks.ms', { ms: c.latencyMs }) : '—'}</td>
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
