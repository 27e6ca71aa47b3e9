import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackCheck } from '../../../core/api';
import { readVerification, type VerificationData } from '../../../core/faceid/verification';
import { useConsole } from '../../app/store';
import { ToolDialog } from '../../app/ToolDialog';
import { api } from '../../bridge';
import { LivenessDetailsView } from './LivenessDetailsView';
import { renderRef } from '../../i18n/message-ref';
import { useErrorText } from '../../i18n/error-text';

/**
 * For support agents: paste `data` and `sign` from a customer's server log and learn whether the
 * callback was signed with a profile's secret — which never leaves the trusted side — and what it says.
 * A payload whose signature does not match is anyone's text: it is shown only as an untrusted
 * claim (its raw JSON and counters), never read as a verdict, a "Verified" or a match.
 */
export function VerifyCallback({ onClose }: { onClose(): void }) {
  const profiles = useConsole((s) => s.profiles);
  const activeId = useConsole((s) => s.activeProfileId);
  const [profileId, setProfileId] = useState(activeId);
  const [data, setData] = useState('');
  const [sign, setSign] = useState('');
  const [check, setCheck] = useState<CallbackCheck>();
  const [error, setError] = useState<string>();
  const { t } = useTranslation('support');
  const { t: tv } = useTranslation('verifyView');
  const errorText = useErrorText();

  const [checked, setChecked] = useState<{ name: string; sign: string }>({ name: '', sign: '' });
  const decoded = check?.decoded as VerificationData | undefined;
  // The verdict in words, from the check's facts and what was checked (the trusted side's message is English prose).
  const verdictWords = (c: CallbackCheck): string =>
    c.valid
      ? tv('callback.genuine', { name: checked.name })
      : c.matchesProfile !== undefined
        ? tv('callback.otherProfile', { name: checked.name, other: c.matchesProfile })
        : /^[0-9a-fA-F]{40}$/.test(checked.sign.trim())
          ? tv('callback.altered', { name: checked.name })
          : tv('callback.notHex', { name: checked.name });
  const reading = check?.valid && decoded && typeof decoded === 'object' && 'status' in decoded ? readVerification(decoded) : undefined;

  return (
    <ToolDialog title={tv('callback.title')} label={tv('callback.label')} onClose={onClose}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setError(undefined);
          const name = profiles.find((p) => p.id === profileId)?.name ?? profileId;
          void api.verifyCallback({ profileId, data, sign }).then((r) => {
            if (!r.ok) return setError(errorText(r.error));
            setChecked({ name, sign });
            setCheck(r.value);
          });
        }}
      >
        <label>
          {tv('callback.profile')}
          <select value={profileId} onChange={(e) => setProfileId(e.target.value)}>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tv('callback.data')}
          <textarea rows={6} value={data} spellCheck={false} onChange={(e) => setData(e.target.value)} />
        </label>
        <label>
          sign
          <input type="text" value={sign} spellCheck={false} onChange={(e) => setSign(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={data === '' || sign === ''}>
            {tv('callback.verify')}
          </button>
        </div>
      </form>
      {error && (
        <p className="msg error" role="alert">
          {error}
        </p>
      )}
      {check && (
        <section className={`verdict ${check.valid ? 'ok' : 'error'}`} aria-label={tv('callback.verdictLabel')} aria-live="polite">
          <h3>{check.valid ? tv('callback.valid') : tv('callback.invalid')}</h3>
          <p>{verdictWords(check)}</p>
          {check.decodeError && <p className="msg warning">{renderRef(check.decodeError)}</p>}
          {reading && (
            <>
              <h4>{renderRef(reading.headline)}</h4>
              <ul>
                {reading.lines.map((l, i) => (
                  <li key={i}>{renderRef(l)}</li>
                ))}
              </ul>
              <LivenessDetailsView details={(decoded as VerificationData).liveness_result?.details} />
            </>
          )}
          {check.valid && check.decoded !== undefined && <pre className="json">{JSON.stringify(check.decoded, null, 2)}</pre>}
          {!check.valid && check.decoded !== undefined && (
            <section className="untrusted-claim" aria-label={t('callback.claimTitle')}>
              <h4>{t('callback.claimTitle')}</h4>
              <p className="msg warning">{t('callback.claimWarning')}</p>
              {decoded && typeof decoded === 'object' && <LivenessDetailsView details={decoded.liveness_result?.details} />}
              <pre className="json">{JSON.stringify(check.decoded, null, 2)}</pre>
            </section>
          )}
        </section>
      )}
    </ToolDialog>
  );
}
