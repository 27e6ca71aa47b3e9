import { useTranslation } from 'react-i18next';
import type { IssueTokenOutcome } from '../../../core/api';
import { errorProvenance, errorSpec, errorWords, type ExplainedError } from '../../../core/faceid/errors';
import { useRenderRef } from '../../i18n/message-ref';
import { useConsole } from '../../app/store';
import { stateNow, useWatch } from '../desk/useWatch';
import { HandOff } from '../handoff/HandOff';
import { CopyButton } from './CopyButton';
import { RESULT_TEXT } from './result-text';
import { formatRemaining, useNow } from './useNow';

/** Where an error code comes from (vendor page, China docs, inference), and what else the vendor says of it. */
function Provenance({ e }: { e: ExplainedError }) {
  const say = useRenderRef();
  const spec = errorSpec(e.code);
  const provenance = errorProvenance(e.code);
  const where = provenance ? say(provenance) : undefined;
  const documentedKey = spec?.bodyKey;
  return (
    <div className="provenance" data-testid="error-provenance">
      <p>{where ? RESULT_TEXT.provenance(where) : spec?.origin === 'console' && e.code !== 'UNKNOWN_SERVICE_ERROR' ? RESULT_TEXT.consoleCode : RESULT_TEXT.unknownCode}</p>
      {spec?.reasons && <p>{RESULT_TEXT.reasons(spec.reasons)}</p>}
      {e.receivedKey && documentedKey && e.receivedKey !== documentedKey && <p className="msg warning">{RESULT_TEXT.bodyKeyNote(e.receivedKey, documentedKey)}</p>}
    </div>
  );
}

function Row({ label, value, copy = true }: { label: string; value: string; copy?: boolean }) {
  return (
    <div className="result-row">
      <dt>{label}</dt>
      <dd>
        <code data-field={label}>{value}</code>
        {copy && value !== '' && <CopyButton value={value} what={label} />}
      </dd>
    </div>
  );
}

function Issued({ r }: { r: Extract<IssueTokenOutcome, { outcome: 'issued' }> }) {
  const { t } = useTranslation('desk');
  const now = useNow();
  const remaining = formatRemaining(r.expired_time, now);
  const watch = useWatch(r.historyId === undefined ? [] : [r.historyId]).get(r.historyId ?? -1);
  // Once the customer has opened the page the token is spent: a countdown would only mislead.
  const spent = watch !== undefined && stateNow(watch, now).stage !== 'issued' && stateNow(watch, now).stage !== 'expired-unused';
  return (
    <section className="result ok" aria-label="Token issued">
      <h2>Token issued</h2>
      <p className={`countdown${remaining && !spent ? '' : ' expired'}`} aria-live="off" data-testid="countdown">
        {spent ? (
          <strong>{t('handoff.usedToken')}</strong>
        ) : remaining ? (
          <>
            Expires in <strong>{remaining}</strong> ({new Date(r.expired_time * 1000).toLocaleTimeString()})
          </>
        ) : (
          <strong>Expired at {new Date(r.expired_time * 1000).toLocaleTimeString()}</strong>
        )}
      </p>
      <dl>
        <Row label="token" value={r.token} />
        <Row label="biz_id" value={r.biz_id} />
        <Row label="request_id" value={r.request_id} />
        <Row label="expired_time" value={String(r.expired_time)} />
        <Row label="time_used" value={`${r.time_used} ms (round trip ${r.elapsedMs} ms)`} copy={false} />
      </dl>
      <p className="sources">{RESULT_TEXT.expiredUnit}</p>
      <HandOff issued={r} />
    </section>
  );
}

function Failed({ r }: { r: Exclude<IssueTokenOutcome, { outcome: 'issued' }> }) {
  const say = useRenderRef();
  const e = r.error;
  const unknown = r.outcome === 'unknown';
  const title = say(e.title);
  return (
    <section className={`result ${unknown ? 'unknown' : 'error'}`} aria-label={unknown ? 'Outcome unknown' : 'Call failed'} aria-live="assertive">
      <h2>{unknown ? `Outcome unknown: ${title}` : title}</h2>
      <p className="explanation">{errorWords(e).map(say).join(' ')}</p>
      <Provenance e={e} />
      {unknown && (
        <p className="msg warning">
          A token may have been issued. Do not reuse this biz_no; issue again with a new one only once you know the first call did not go through.{' '}
          <button type="button" className="small" onClick={() => useConsole.getState().newBizNo()}>
            New biz_no
          </button>
        </p>
      )}
      <dl>
        <Row label="code" value={e.code} copy={false} />
        {e.serviceMessage && <Row label={e.receivedKey ?? 'error_message'} value={e.serviceMessage} />}
        {e.field && <Row label="field" value={e.field} copy={false} />}
        {e.httpStatus !== undefined && <Row label="HTTP status" value={String(e.httpStatus)} copy={false} />}
        {e.requestId && <Row label="request_id" value={e.requestId} />}
      </dl>
    </section>
  );
}

/** The last call: progress with Cancel, then the token or the explained error. */
export function ResultPanel() {
  const say = useRenderRef();
  const call = useConsole((s) => s.call);
  if (call.phase === 'idle') {
    return (
      <section className="result idle" aria-label="Result">
        <h2>No token issued yet</h2>
        <p>Fill in the form and press <strong>Issue token</strong>. The built-in sandbox answers like the real service, with no credentials needed.</p>
      </section>
    );
  }
  if (call.phase === 'sending') {
    return (
      <section className="result sending" aria-label="Issuing" aria-busy="true">
        <h2>Issuing token…</h2>
        <progress aria-label="Issuing token" />
        <button type="button" onClick={() => void useConsole.getState().cancel()}>
          Cancel
        </button>
      </section>
    );
  }
  const r = call.result;
  if (!r.ok) {
    return (
      <section className="result error" aria-label="Not sent" aria-live="assertive">
        <h2>{r.error.code === 'INVALID_PARAMS' ? 'Not sent: the request is invalid' : 'Not sent'}</h2>
        <p className="explanation">{r.error.message}</p>
      </section>
    );
  }
  const warnings = r.value.warnings;
  return (
    <>
      {r.value.outcome === 'issued' ? <Issued r={r.value} /> : <Failed r={r.value} />}
      {warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {warnings.map((w, i) => (
            <li key={i} className="msg warning">
              {say(w.message)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
