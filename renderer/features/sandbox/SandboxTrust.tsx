import { useTranslation } from 'react-i18next';
import type { SandboxState } from '../../../core/api';
import { useRenderRef } from '../../i18n/message-ref';
import { formatTime } from '../../../core/i18n/format';
import { currentLocale } from '../../i18n/i18n';

/**
 * The embedded sandbox's strict/lenient switch and what it accepted on trust. Lenient lets an
 * unconfirmed value be exercised end to end; the log keeps it visible that a green run with such
 * a value proves nothing about the real service.
 */
export function SandboxTrust({ state, onMode }: { state: SandboxState; onMode(lenient: boolean): void }) {
  const say = useRenderRef();
  const { t: ts } = useTranslation('sandbox');
  return (
    <section aria-labelledby="sandbox-trust-heading">
      <h3 id="sandbox-trust-heading">{ts('trust.heading')}</h3>
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={state.lenient}
          onChange={(e) => onMode(e.target.checked)}
          aria-describedby="sandbox-lenient-note"
        />{' '}
        {ts('trust.lenient')}
      </label>
      <p id="sandbox-lenient-note" className="hint">
        {state.lenient ? ts('trust.lenientNote') : ts('trust.strictNote')}
      </p>
      {state.trusted.length === 0 ? (
        <p className="hint">{ts('trust.none')}</p>
      ) : (
        <table className="callback-log" aria-label={ts('trust.log')}>
          <thead>
            <tr>
              <th>{ts('trust.time')}</th>
              <th>{ts('trust.call')}</th>
              <th>biz_no</th>
              <th>{ts('trust.parameter')}</th>
              <th>{ts('trust.value')}</th>
              <th>{ts('trust.treatedAs')}</th>
              <th>{ts('trust.why')}</th>
            </tr>
          </thead>
          <tbody>
            {[...state.trusted].reverse().map((t, i) => (
              <tr key={i}>
                <td>{formatTime(t.at, currentLocale(), { seconds: true })}</td>
                <td>{t.endpoint}</td>
                <td>{t.biz_no ?? '—'}</td>
                <td>
                  <code>{t.param}</code>
                </td>
                <td className="url">
                  <code>{t.value}</code>
                </td>
                <td>{t.treatedAs !== undefined ? <code>{t.treatedAs}</code> : t.accepted ? ts('trust.asSent') : ts('trust.refused')}</td>
                <td>{say(t.note)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
