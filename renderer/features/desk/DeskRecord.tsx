import { useTranslation } from 'react-i18next';
import { readVerdict } from '../../../core/faceid/flow-status';
import type { Comparison, VerificationData } from '../../../core/faceid/verification';
import type { HistoryRow } from '../../../core/history';
import { formatDateTime } from '../../../core/i18n/format';
import { currentLocale } from '../../i18n/i18n';

/**
 * The verification record: built from the history row alone (its stored verdict, result and photo
 * hashes), so it can be printed again at any time after the vendor has deleted its result. Shown
 * only in print (print CSS); the browser's "Save as PDF" or Electron's printToPDF make the file.
 */
export function DeskRecord({ row, branch, photos }: { row: HistoryRow; branch: string; photos: { reference?: string; best?: string } }) {
  const { t } = useTranslation('desk');
  const locale = currentLocale();
  const data = row.result?.data as unknown as VerificationData | undefined;
  const none = t('record.none');
  const comparisons: [string, Comparison | undefined][] = [
    ['image_ref1', data?.verify_result?.result_ref1],
    ['image_ref2', data?.verify_result?.result_ref2],
  ];
  // The reasons come from the one verification model, read at the level stored with the verdict.
  const reasons = data && row.verdict === 'not-passed' ? readVerdict(data, row.result?.level ?? '1e-4').reasons : [];
  const g = data?.liveness_result?.face_genuineness;
  const fakeFace = g
    ? (['synthetic_face', 'mask', 'screen_replay'] as const)
        .filter((k) => g[`${k}_confidence`] !== undefined)
        .map((k) => `${k} ${g[`${k}_confidence`]} / ${g[`${k}_threshold`] ?? '—'}`)
        .join(', ')
    : '';
  const line = (label: string, value: string) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      <td>{value}</td>
    </tr>
  );
  return (
    <article className="desk-record" aria-label={t('record.title')} data-testid="desk-record">
      <h1>{t('record.title')}</h1>
      <table>
        <tbody>
          {line(t('record.branch'), row.branch || branch || none)}
          {line(t('record.profile'), `${row.profileName} (${row.environment})`)}
          {line(t('record.operator'), row.operator || none)}
          {line(t('record.time'), formatDateTime(row.startedAt, locale, { withZone: true }))}
          {line('biz_no', row.bizNo)}
          {line('biz_id', row.bizId ?? none)}
          {line('uuid', row.uuid)}
          {line(t('record.verdict'), row.verdict ? t(`verdict.${row.verdict}`) : t('record.notFinished'))}
          {reasons.length > 0 && line(t('record.reasons'), reasons.map((r) => t(`verdict.reasons.${r}`)).join(', '))}
          {line(t('record.liveness'), data?.liveness_result?.result ?? none)}
          {fakeFace !== '' && line(t('record.fakeFace'), fakeFace)}
          {comparisons
            .filter((c): c is [string, Comparison] => c[1] !== undefined)
            .map(([ref, c]) =>
              line(
                t('record.comparison', { ref }),
                `${t('record.score', {
                  confidence: c.confidence.toFixed(3),
                  thresholds: Object.entries(c.thresholds)
                    .map(([k, v]) => `${k} ${v}`)
                    .join(', '),
                })}${row.result?.level ? ` — ${t('record.level', { level: row.result.level })}` : ''}`,
              ),
            )}
          {row.photos.map((p) => line(t('record.photoHash', { ref: p.param }), p.sha256))}
          {row.photos
            .filter((p) => p.originalSha256 !== undefined)
            .map((p) => line(t('record.originalHash', { ref: p.param }), p.originalSha256 ?? ''))}
        </tbody>
      </table>
      {(photos.reference || photos.best) && (
        <div className="record-faces">
          {photos.reference && <img src={photos.reference} alt={t('verdict.reference')} />}
          {photos.best && <img src={photos.best} alt={t('verdict.best')} />}
        </div>
      )}
      <p className="record-footer">{t('record.footer', { id: row.id })}</p>
    </article>
  );
}
