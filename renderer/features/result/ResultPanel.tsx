import { useTranslation } from 'react-i18next';
import type { IssueTokenOutcome } from '../../../core/api';
import { errorProvenance, errorSpec, errorWords, type ExplainedError } from '../../../core/faceid/errors';
import { useConsole } from '../../app/store';
import { useRenderRef } from '../../i18n/message-ref';
import { stateNow, useWatch } from '../desk/useWatch';
import { HandOff } from '../handoff/HandOff';
import { formatRemaining, useNow } from './useNow';
import { ValueRow } from './ValueRow';
import { useErrorText } from '../../i18n/error-text';
import { formatTime } from '../../../core/i18n/format';
import { currentLocale } from '../../i18n/i18n';

/** Where an error code comes from (vendor page, China docs, inference), and what else the vendor says of it. */
function Provenance({ e }: { e: ExplainedError }) {
  const { t } = useTranslation('result');
  const say = useRenderRef();
  const spec = errorSpec(e.code);
  const provenance = errorProvenance(e.code);
  const documentedKey = spec?.bodyKey;
  return (
    <div className="provenance" data-testid="error-provenance">
      <p>
        {provenance
          ? t('provenance', { where: say(provenance) })
          : spec?.origin === 'console' && e.code !== 'UNKNOWN_SERVICE_ERROR'
            ? t('consoleCode')
            : t('unknownCode')}
      </p>
      {spec?.reasons && <p>{t('reasons', { reasons: spec.reasons.map((r) => `“${r}”`).join(', ') })}</p>}
      {e.receivedKey && documentedKey && e.receivedKey !== documentedKey && (
        <p className="msg warning">{t('bodyKeyNote', { received: e.receivedKey, documented: documentedKey })}</p>
      )}
    </div>
  );
}

function Issued({ r }: { r: Extract<IssueTokenOutcome, { outcome: 'issued' }> }) {
  const { t } = useTranslation('desk');
  const { t: tr } = useTranslation('result');
  const now = useNow();
  const remaining = formatRemaining(r.expired_time, now);
  const watch = useWatch(r.historyId === undefined ? [] : [r.historyId]).get(r.historyId ?? -1);
  // Once the customer has opened the page the token is spent: a countdown would only mislead.
  const spent = watch !== undefined && stateNow(watch, now).stage !== 'issued' && stateNow(watch, now).stage !== 'expired-unused';
  const expiry = formatTime(r.expired_time * 1000, currentLocale(), { seconds: true });
  return (
    <section className="result ok" aria-label={tr('issued.label')}>
      <h2>{tr('issued.title')}</h2>
      <p className={`countdown${remaining && !spent ? '' : ' expired'}`} aria-live="off" data-testid="countdown">
        {spent ? (
          <strong>{t('handoff.usedToken')}</strong>
        ) : remaining ? (
          <>
            {tr('issued.expiresIn')} <strong>{remaining}</strong> ({expiry})
          </>
        ) : (
          <strong>{tr('issued.expiredAt', { time: expiry })}</strong>
        )}
      </p>
      <dl>
        <ValueRow label="token" value={r.token} />
        <ValueRow label="biz_id" value={r.biz_id} />
        <ValueRow label="request_id" value={r.request_id} />
        <ValueRow label="expired_time" value={String(r.expired_time)} />
        <ValueRow label="time_used" value={tr('issued.timeUsed', { timeUsed: r.time_used, elapsed: r.elapsedMs })} copy={false} />
      </dl>
      <p className="sources">{tr('expiredUnit')}</p>
      <HandOff issued={r} />
    </section>
  );
}

function Failed({ r }: { r: Exclude<IssueTokenOutcome, { outcome: 'issued' }> }) {
  const { t } = useTranslation('result');
  const say = useRenderRef();
  const e = r.error;
  const unknown = r.outcome === 'unknown';
  const title = say(e.title);
  return (
    <section
      className={`result ${unknown ? 'unknown' : 'error'}`}
      aria-label={unknown ? t('failed.unknownLabel') : t('failed.label')}
      aria-live="assertive"
    >
      <h2>{unknown ? t('failed.unknownTitle', { title }) : title}</h2>
      <p className="explanation">{errorWords(e).map(say).join(' ')}</p>
      <Provenance e={e} />
      {unknown && (
        <p className="msg warning">
          {t('unknownWarning')}{' '}
          <button type="button" className="small" onClick={() => useConsole.getState().newBizNo()}>
            {t('newBizNo')}
          </button>
        </p>
      )}
      <dl>
        <ValueRow label={t('facts.code')} name="code" value={e.code} copy={false} />
        <ValueRow label={e.receivedKey ?? 'error_message'} value={e.serviceMessage} />
        <ValueRow label={t('facts.field')} name="field" value={e.field} copy={false} />
        <ValueRow
          label={t('facts.httpStatus')}
          name="HTTP status"
          value={e.httpStatus !== undefined ? String(e.httpStatus) : undefined}
          copy={false}
        />
        <ValueRow label="request_id" value={e.requestId} />
      </dl>
    </section>
  );
}

/** The last call: progress with Cancel, then the token or the explained error. */
export function ResultPanel() {
  const { t } = useTranslation('result');
  const say = useRenderRef();
  const errorText = useErrorText();
  const call = useConsole((s) => s.call);
  if (call.phase === 'idle') {
    return (
      <section className="result idle" aria-label={t('idle.label')}>
        <h2>{t('idle.title')}</h2>
        <p>
          {t('idle.lead')} <strong>{t('idle.issue')}</strong>
          {t('idle.trail')}
        </p>
      </section>
    );
  }
  if (call.phase === 'sending') {
    return (
      <section className="result sending" aria-label={t('sending.label')} aria-busy="true">
        <h2>{t('sending.title')}</h2>
        <progress aria-label={t('sending.title')} />
        <button type="button" onClick={() => void useConsole.getState().cancel()}>
          {t('sending.cancel')}
        </button>
      </section>
    );
  }
  const r = call.result;
  if (!r.ok) {
    return (
      <section className="result error" aria-label={t('notSent.label')} aria-live="assertive">
        <h2>{r.error.code === 'INVALID_PARAMS' ? t('notSent.invalid') : t('notSent.title')}</h2>
        <p className="explanation">{errorText(r.error)}</p>
      </section>
    );
  }
  const warnings = r.value.warnings;
  return (
    <>
      {r.value.outcome === 'issued' ? <Issued r={r.value} /> : <Failed r={r.value} />}
      {warnings.length > 0 && (
        <ul className="warnings" aria-label={t('warnings')}>
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
