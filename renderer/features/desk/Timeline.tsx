import { useTranslation } from 'react-i18next';
import type { CallWatch } from '../../../core/desk';
import { isEndStage, type FlowState } from '../../../core/faceid/flow-status';
import { formatTime } from '../../../core/i18n/format';
import { currentLocale } from '../../i18n/i18n';

/** Issued → opened → in progress → finished (or expired unused), each step ticked with its time. */
export function Timeline({
  state,
  issuedAt,
  source,
  budget,
  onFetch,
}: {
  state: FlowState;
  issuedAt: number;
  source: CallWatch['source'];
  budget: CallWatch['budget'];
  onFetch?: () => void;
}) {
  const { t } = useTranslation('desk');
  const locale = currentLocale();
  const unused = state.stage === 'expired-unused';
  const ended = isEndStage(state.stage) && !state.provisional;
  const steps: { key: string; label: string; at?: number; done: boolean }[] = unused
    ? [
        { key: 'issued', label: t('timeline.issued'), at: issuedAt, done: true },
        { key: 'expired', label: t('timeline.expiredUnused'), at: state.endedAt, done: true },
      ]
    : [
        { key: 'issued', label: t('timeline.issued'), at: issuedAt, done: true },
        { key: 'opened', label: t('timeline.opened'), at: state.openedAt ?? state.progressAt, done: state.stage !== 'issued' },
        { key: 'progress', label: t('timeline.inProgress'), at: state.progressAt, done: state.progressAt !== undefined || ended },
        { key: 'finished', label: t('timeline.finished'), at: ended ? state.endedAt : undefined, done: ended },
      ];
  const current = steps.findIndex((s) => !s.done);
  return (
    <section className="desk-timeline" aria-label={t('timeline.label')}>
      <ol>
        {steps.map((s, i) => (
          <li key={s.key} className={s.done ? 'done' : i === current ? 'current' : ''} aria-current={i === current ? 'step' : undefined}>
            <span className="dot" aria-hidden="true" />
            <span>{s.label}</span>
            {s.at !== undefined && s.done && (
              <time dateTime={new Date(s.at).toISOString()}>{formatTime(s.at, locale, { seconds: true })}</time>
            )}
          </li>
        ))}
      </ol>
      <p className="hint">
        {t(source === 'events' ? 'timeline.sourceEvents' : source === 'polling' ? 'timeline.sourcePolling' : 'timeline.sourceManual')}{' '}
        <span data-testid="desk-fetches-left">{t('timeline.fetchesLeft', { left: budget.left })}</span>
      </p>
      {source === 'manual' && onFetch && !ended && budget.mayFetch && (
        <button type="button" className="small" onClick={onFetch}>
          {t('timeline.fetch')}
        </button>
      )}
    </section>
  );
}
