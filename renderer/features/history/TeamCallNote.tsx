/**
 * What marks a call of the team store (another desk's, shown in the "my branch" / "all I may see"
 * scopes): where it was made, and what this desk can do with it. Local rows show nothing here.
 */
import { useTranslation } from 'react-i18next';
import { environmentName } from './format';
import type { HistoryListRow, HistoryRow } from '../../../core/history';

/** The list's origin cell for a team row: desk and branch. */
export function TeamOriginTag({ row }: { row: HistoryListRow }) {
  const { t } = useTranslation('team');
  return (
    <span title={`${row.profileName} (${environmentName(row.environment)})`}>
      {t('fromDesk', { desk: row.desk ?? '', branch: row.branch ?? '' })}
    </span>
  );
}

/** The details' note for a team row: its origin, its verdict as published, and where its result is fetched. */
export function TeamCallNote({ row }: { row: HistoryRow }) {
  const { t } = useTranslation('team');
  const { t: td } = useTranslation('desk');
  if (row.desk === undefined) return null;
  return (
    <div className="team-call-note" role="note">
      <p>{t('teamCall', { id: row.id, desk: row.desk, branch: row.branch ?? '' })}</p>
      {row.verdict && (
        <p>
          <span className={`stage-${row.verdict}`}>{td(`verdict.${row.verdict}`)}</span>
          {row.resultStatus ? <code> {row.resultStatus}</code> : null}
        </p>
      )}
      {row.status === 'issued' && <p className="hint">{t('teamCallLimits')}</p>}
    </div>
  );
}
