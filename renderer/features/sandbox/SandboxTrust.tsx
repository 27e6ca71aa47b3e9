import type { SandboxState } from '../../../core/api';
import { useRenderRef } from '../../i18n/message-ref';

/**
 * The embedded sandbox's strict/lenient switch and what it accepted on trust. Lenient lets an
 * unconfirmed value be exercised end to end; the log keeps it visible that a green run with such
 * a value proves nothing about the real service.
 */
export function SandboxTrust({ state, onMode }: { state: SandboxState; onMode(lenient: boolean): void }) {
  const say = useRenderRef();
  return (
    <section aria-labelledby="sandbox-trust-heading">
      <h3 id="sandbox-trust-heading">Strict or lenient</h3>
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={state.lenient}
          onChange={(e) => onMode(e.target.checked)}
          aria-describedby="sandbox-lenient-note"
        />{' '}
        Lenient sandbox
      </label>
      <p id="sandbox-lenient-note" className="hint">
        {state.lenient
          ? 'Lenient: values the vendor has not ruled out (open lists, inferred ranges and ports, other return_url schemes, urlencoded bodies) are accepted, answered as for the nearest documented value, and listed below. The real service may refuse them.'
          : 'Strict (default): values outside the documented lists are refused with BAD_ARGUMENTS, as the sandbox assumes the service does. Kept with the built-in profile.'}
      </p>
      {state.trusted.length === 0 ? (
        <p className="hint">Nothing accepted on trust yet.</p>
      ) : (
        <table className="callback-log" aria-label="Accepted on trust">
          <thead>
            <tr>
              <th>time</th>
              <th>call</th>
              <th>biz_no</th>
              <th>parameter</th>
              <th>value sent</th>
              <th>answered as</th>
              <th>why</th>
            </tr>
          </thead>
          <tbody>
            {[...state.trusted].reverse().map((t, i) => (
              <tr key={i}>
                <td>{new Date(t.at).toLocaleTimeString()}</td>
                <td>{t.endpoint}</td>
                <td>{t.biz_no ?? '—'}</td>
                <td>
                  <code>{t.param}</code>
                </td>
                <td className="url">
                  <code>{t.value}</code>
                </td>
                <td>{t.treatedAs !== undefined ? <code>{t.treatedAs}</code> : t.accepted ? 'as sent' : 'refused'}</td>
                <td>{say(t.note)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
