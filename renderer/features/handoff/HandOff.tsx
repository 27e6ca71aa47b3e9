import { useTranslation } from 'react-i18next';
import type { IssueTokenOutcome } from '../../../core/api';
import { formatTime } from '../../../core/i18n/format';
import { currentLocale } from '../../i18n/i18n';
import { stateNow, useWatch } from '../desk/useWatch';
import { CopyButton } from '../result/CopyButton';
import { formatRemaining, useNow } from '../result/useNow';
import { ResultView } from '../verification/ResultView';
import { QrCode } from './QrCode';
import { useStoredRow } from './useStoredRow';

type Issued = Extract<IssueTokenOutcome, { outcome: 'issued' }>;

/**
 * Getting the customer onto the liveness page: QR code, link, copy, open in the system browser,
 * the expiry countdown — and, once the flow has begun, the result instead of a dead QR code.
 */
export function HandOff({ issued }: { issued: Issued }) {
  const { t } = useTranslation('handoff');
  const now = useNow();
  const { row, reload } = useStoredRow(issued.historyId);
  const remaining = formatRemaining(issued.expired_time, now);
  const watch = useWatch(issued.historyId === undefined ? [] : [issued.historyId]).get(issued.historyId ?? -1);
  const stage = watch ? stateNow(watch, now).stage : undefined;
  // The page opened (the sandbox says so at once) is as used as a finished flow: the link is spent.
  const opened = stage !== undefined && stage !== 'issued' && stage !== 'expired-unused';
  const flowStatus = row?.result?.status ?? (opened ? 'PROCESSING' : undefined);
  const used = opened || (flowStatus !== undefined && flowStatus !== 'NOT_STARTED');

  return (
    <section className="handoff" aria-label={t('label')}>
      <h3>{t('label')}</h3>
      {used ? (
        <p className="msg info">{t('used', { status: flowStatus })}</p>
      ) : !remaining ? (
        <p className="msg error">{t('expired', { time: formatTime(issued.expired_time * 1000, currentLocale(), { seconds: true }) })}</p>
      ) : (
        <>
          <p>{t('scan')}</p>
          <QrCode value={issued.livenessUrl} label={t('qr')} />
          <p className="liveness-link">
            <code data-testid="liveness-url">{issued.livenessUrl}</code>
          </p>
          <div className="actions">
            <CopyButton value={issued.livenessUrl} what={t('link')} />
            {/* Electron sends target=_blank links to the system browser, never into the console. */}
            <a className="button small" href={issued.livenessUrl} target="_blank" rel="noreferrer noopener">
              {t('open')}
            </a>
            <span className="hint">{t('validFor', { time: remaining })}</span>
          </div>
        </>
      )}
      {row && <ResultView row={row} onChanged={reload} />}
    </section>
  );
}
