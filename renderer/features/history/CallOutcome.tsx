import { useTranslation } from 'react-i18next';
import { errorSpec, errorTitle } from '../../../core/faceid/errors';
import { msg } from '../../../core/i18n/render';
import { displayStatus, type HistoryRow } from '../../../core/history';
import { useRenderRef } from '../../i18n/message-ref';
import { formatRemaining, useNow } from '../result/useNow';
import { ValueRow } from '../result/ValueRow';
import { formatUnixSeconds } from './format';

/** What the call gave: the token and its ids, or the error the service (or the network) gave. */
export function CallOutcome({ row, onCloneNew, cloneBusy }: { row: HistoryRow; onCloneNew: () => void; cloneBusy: boolean }) {
  const { t } = useTranslation('result');
  const say = useRenderRef();
  const now = useNow();
  const status = displayStatus(row, now);
  if (row.status === 'issued') {
    const remaining = row.expiredTime !== undefined ? formatRemaining(row.expiredTime, now) : null;
    return (
      <section className="call-outcome ok" aria-label={t('outcome.label')}>
        <p className={`countdown${remaining ? '' : ' expired'}`}>
          {remaining ? (
            <>
              {t('outcome.valid')} <strong>{remaining}</strong>
            </>
          ) : (
            <strong>{t('outcome.expired')}</strong>
          )}
        </p>
        <dl>
          <ValueRow label="token" value={row.token} />
          <ValueRow label="biz_id" value={row.bizId} />
          <ValueRow label="request_id" value={row.requestId} />
          <ValueRow
            label="expired_time"
            value={row.expiredTime !== undefined ? formatUnixSeconds(row.expiredTime) : undefined}
            copy={false}
          />
          <ValueRow label="time_used" value={row.timeUsed !== undefined ? t('facts.ms', { ms: row.timeUsed }) : undefined} copy={false} />
          <ValueRow
            label={t('facts.roundTrip')}
            name="round trip"
            value={row.elapsedMs !== undefined ? t('facts.ms', { ms: row.elapsedMs }) : undefined}
            copy={false}
          />
        </dl>
      </section>
    );
  }
  // The code is what the history stores; its words come from the table in today's language. An
  // older row may still hold an English sentence in error_message: it is shown as stored.
  const known = row.errorCode !== undefined && errorSpec(row.errorCode) !== undefined;
  return (
    <section className={`call-outcome ${status}`} aria-label={t('outcome.label')}>
      {status === 'unknown' && (
        <div className="unknown-warning" role="note" aria-label={t('outcome.unknownLabel')}>
          <p>
            <strong>{t('outcome.unknownStrong')}</strong> {t('outcome.unknownText', { bizNo: row.bizNo })}
          </p>
          <button type="button" onClick={onCloneNew} disabled={cloneBusy}>
            {t('outcome.clone')}
          </button>
        </div>
      )}
      {status === 'pending' && (
        <p className="msg warning" role="note">
          {t('outcome.pending')}
        </p>
      )}
      {known && row.errorCode && (
        <p className="explanation" data-testid="outcome-words">
          <strong>{say(errorTitle(row.errorCode))}</strong> {say(msg('errors', `codes.${row.errorCode}.explanation`))}
        </p>
      )}
      <dl>
        <ValueRow label={t('facts.errorCode')} name="error code" value={row.errorCode} copy={false} />
        <ValueRow label={t('facts.field')} name="field" value={row.errorField} copy={false} />
        <ValueRow label={t('facts.message')} name="message" value={row.errorMessage} copy={false} />
        <ValueRow
          label={t('facts.httpStatus')}
          name="HTTP status"
          value={row.httpStatus !== undefined ? String(row.httpStatus) : undefined}
          copy={false}
        />
        <ValueRow label="request_id" value={row.requestId} />
        <ValueRow
          label={t('facts.roundTrip')}
          name="round trip"
          value={row.elapsedMs !== undefined ? t('facts.ms', { ms: row.elapsedMs }) : undefined}
          copy={false}
        />
      </dl>
    </section>
  );
}
