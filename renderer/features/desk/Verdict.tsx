import { useTranslation } from 'react-i18next';
import type { EndStage, FlowState } from '../../../core/faceid/flow-status';
import type { ThresholdKey } from '../../../core/faceid/verification';
import { LOCALE_TAGS } from '../../../core/i18n/locales';
import { currentLocale } from '../../i18n/i18n';

/** The false-accept odds a level stands for: 1e-4 is one in 10,000 (written in the operator's locale). */
const ODDS: Record<ThresholdKey, number> = { '1e-3': 1_000, '1e-4': 10_000, '1e-5': 100_000, '1e-6': 1_000_000 };
const odds = (level: ThresholdKey) => new Intl.NumberFormat(LOCALE_TAGS[currentLocale()]).format(ODDS[level]);

/** The verdict first: one large badge, the reasons as chips, the level used, both faces side by side. */
export function Verdict({
  state,
  comparing,
  photos,
  onNext,
  onRecord,
}: {
  state: FlowState & { stage: EndStage };
  comparing: boolean;
  photos: { reference?: string; best?: string };
  onNext(): void;
  onRecord(): void;
}) {
  const { t } = useTranslation('desk');
  return (
    <section className={`desk-verdict verdict-${state.stage}`} aria-label={t('verdict.label')} aria-live="polite">
      <p className="verdict-badge" data-testid="verdict-badge">
        {t(`verdict.${state.stage}`)}
      </p>
      {state.provisional && <p className="hint">{t('verdict.provisional')}</p>}
      {state.reasons.length > 0 && (
        <ul className="verdict-reasons">
          {state.reasons.map((r) => (
            <li key={r} className="chip">
              {t(`verdict.reasons.${r}`)}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">
        {state.level ? t('verdict.level', { level: state.level, odds: odds(state.level) }) : comparing ? '' : t('verdict.noComparison')}
      </p>
      <div className="verdict-faces">
        {comparing && (
          <figure>
            {photos.reference ? <img src={photos.reference} alt={t('verdict.reference')} /> : <div className="face-missing" />}
            <figcaption>{t('verdict.reference')}</figcaption>
          </figure>
        )}
        <figure>
          {photos.best ? <img src={photos.best} alt={t('verdict.best')} /> : <div className="face-missing">{t('verdict.noBest')}</div>}
          <figcaption>{t('verdict.best')}</figcaption>
        </figure>
      </div>
      <div className="actions">
        <button type="button" onClick={onRecord}>
          {t('verdict.record')}
        </button>
        <button type="button" className="primary" onClick={onNext}>
          {t('verdict.next')}
        </button>
      </div>
    </section>
  );
}
