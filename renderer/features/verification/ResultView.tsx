import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESULT_FETCH_LIMIT, type HistoryRow } from '../../../core/history';
import { decodeImageField } from '../../../core/faceid/photo';
import { formatTime } from '../../../core/i18n/format';
import { readVerification, type VerificationData } from '../../../core/faceid/verification';
import { announce } from '../../app/announcer';
import { api } from '../../bridge';
import { useErrorText } from '../../i18n/error-text';
import { currentLocale, i18n } from '../../i18n/i18n';
import { renderRef, useRenderRef } from '../../i18n/message-ref';
import { LivenessDetailsView } from './LivenessDetailsView';

/**
 * Announces a final verdict when one arrives while the view is shown (fetched here, or stored when
 * the customer's flow ended) — not the one already there when it opened, and not again on a change
 * of language.
 */
function useAnnounceArrival(result: HistoryRow['result']): void {
  const shown = useRef(result?.fetchedAt);
  useEffect(() => {
    if (!result || result.fetchedAt === shown.current) return;
    const reading = readVerification(result.data as unknown as VerificationData);
    if (reading.verdict === 'pending') return;
    shown.current = result.fetchedAt;
    announce(i18n.t('app:announce.verdict', { verdict: renderRef(reading.headline) }));
  }, [result]);
}

/** The stored verification result of an issued token, and fetching it (three times at most; a team call's, in its scope). */
export function ResultView({ row, onChanged, scope }: { row: HistoryRow; onChanged(): void; scope?: 'branch' | 'all' }) {
  const say = useRenderRef();
  const errorText = useErrorText();
  const { t } = useTranslation('verifyView');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [image, setImage] = useState<string>();
  const result = row.result;
  const used = result?.fetches ?? 0;
  const left = RESULT_FETCH_LIMIT - used;
  const data = result?.data as unknown as VerificationData | undefined;
  const reading = data ? readVerification(data) : undefined;
  useAnnounceArrival(result);

  useEffect(() => {
    const sha = result?.bestImageSha256;
    if (!sha) return;
    // Typed by its bytes: the service's field may be a PNG, or bare base64 (decodeImageField).
    void api.getKeptPhoto({ sha256: sha }).then((r) => {
      const decoded = r.ok ? decodeImageField(r.value.dataBase64) : undefined;
      if (r.ok && decoded) setImage(`data:${decoded.mimeType};base64,${r.value.dataBase64}`);
    });
  }, [result?.bestImageSha256]);

  const fetchNow = async () => {
    setBusy(true);
    setError(undefined);
    // A team call (another desk's): fetched with this desk's profile and published to the team row.
    const r = await api.fetchResult(scope ? { historyId: row.id, scope } : { historyId: row.id });
    setBusy(false);
    if (!r.ok) setError(errorText(r.error));
    onChanged();
  };

  return (
    <section className={`verification ${reading?.verdict ?? 'none'}`} aria-label={t('result.label')}>
      <h3>{reading ? say(reading.headline) : t('result.none')}</h3>
      {reading && (
        <ul className="reading">
          {reading.lines.map((l, i) => (
            <li key={i}>{say(l)}</li>
          ))}
        </ul>
      )}
      {data?.liveness_result?.details !== undefined && <LivenessDetailsView details={data.liveness_result.details} />}
      {data?.biz_info && (
        <dl className="biz-info">
          <dt>biz_no</dt>
          <dd>
            <code>{data.biz_info.biz_no}</code>
          </dd>
          {data.biz_info.biz_extra_data && (
            <>
              <dt>biz_extra_data</dt>
              <dd>
                <code>{data.biz_info.biz_extra_data}</code>
              </dd>
            </>
          )}
        </dl>
      )}
      {image && <img className="best-image" src={image} alt={t('result.bestImage')} />}
      <p className="fetches" data-testid="fetches-left">
        {t('result.fetchesLeft', { left, limit: RESULT_FETCH_LIMIT })}
        {result ? ` · ${t('result.fetchedAt', { time: formatTime(result.fetchedAt, currentLocale(), { seconds: true }) })}` : ''}
      </p>
      <div className="actions">
        <button type="button" className="small" disabled={busy || left <= 0} onClick={() => void fetchNow()}>
          {busy ? t('result.fetching') : result ? t('result.fetchAgain') : t('result.fetch')}
        </button>
        {left <= 0 && <span className="hint">{t('result.spent', { limit: RESULT_FETCH_LIMIT })}</span>}
      </div>
      {error && (
        <p className="msg error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
