import { useTranslation } from 'react-i18next';
import { displayStatus, type HistoryRow } from '../../../core/history';
import { formatDuration } from '../../../core/i18n/format';
import { currentLocale } from '../../i18n/i18n';
import { useNow } from '../result/useNow';
import { CallOutcome } from './CallOutcome';
import { CurlBox } from './CurlBox';
import { environmentName, formatTime, statusLabel } from './format';
import { useHistory } from './history-store';
import { RequestResponse } from './RequestResponse';
import { CompareCalls } from './CompareCalls';
import { CustomerLinks } from './CustomerLinks';
import { Trail } from './Trail';
import { TeamCallNote } from './TeamCallNote';
import { useClone } from './useClone';
import { ResultView } from '../verification/ResultView';

function Call({ row, onCloned }: { row: HistoryRow; onCloned: () => void }) {
  const { t } = useTranslation('history');
  const now = useNow();
  const status = displayStatus(row, now);
  const { state, clone } = useClone(row, onCloned);
  const busy = state.phase === 'working';
  return (
    <>
      <header className="detail-head">
        <h2>
          <span className={`status-badge status-${status}`}>{statusLabel(status)}</span> <code>{row.bizNo || t('detail.noBizNo')}</code>
        </h2>
        <p className="hint">
          {t('detail.call', { id: row.id })} · {formatTime(row.startedAt)}
          {row.finishedAt !== undefined
            ? ` · ${t('detail.answeredAfter', { duration: formatDuration(row.finishedAt - row.startedAt, currentLocale()) })}`
            : ''}{' '}
          · {row.profileName} ({environmentName(row.environment)}){row.operator ? ` · ${t('detail.by', { operator: row.operator })}` : ''}
        </p>
        <Trail row={row} />
        <CustomerLinks row={row} />
        <div className="detail-actions">
          <button type="button" className="primary" onClick={clone} disabled={busy}>
            {busy ? t('detail.cloning') : t('detail.clone')}
          </button>
          <span className="hint">{t('detail.cloneHint')}</span>
        </div>
        {state.phase === 'error' && (
          <p className="msg error" role="alert">
            {state.message}
          </p>
        )}
      </header>
      <CallOutcome row={row} onCloneNew={clone} cloneBusy={busy} />
      <TeamCallNote row={row} />
      {row.status === 'issued' && (
        <ResultView row={row} scope={teamScopeOf(row)} onChanged={() => void useHistory.getState().reloadDetail()} />
      )}
      <CompareCalls key={`compare-${row.id}`} row={row} />
      <CurlBox key={row.id} row={row} />
      <RequestResponse row={row} />
    </>
  );
}

/** The scope a team row was opened in (its id is the team store's), or undefined for this desk's own. */
function teamScopeOf(row: HistoryRow): 'branch' | 'all' | undefined {
  if (row.desk === undefined) return undefined;
  const scope = useHistory.getState().filter.scope;
  return scope === 'branch' ? 'branch' : 'all';
}

/** The selected call: outcome, replay, the request beside the raw response. */
export function HistoryDetail({ onCloned }: { onCloned: () => void }) {
  const { t } = useTranslation('history');
  const detail = useHistory((s) => s.detail);
  return (
    <section className="history-detail pane" aria-label={t('detail.label')} aria-busy={detail.phase === 'loading'}>
      {detail.phase === 'none' && <p className="hint">{t('detail.none')}</p>}
      {detail.phase === 'loading' && <p className="hint">{t('detail.loading', { id: detail.id })}</p>}
      {detail.phase === 'error' && (
        <p className="msg error" role="alert">
          {t('detail.failed', { id: detail.id, message: detail.message })}
        </p>
      )}
      {detail.phase === 'ready' && <Call key={detail.row.id} row={detail.row} onCloned={onCloned} />}
    </section>
  );
}
