import { useTranslation } from 'react-i18next';
import type { HistoryRow } from '../../../core/history';
import { useHistory } from './history-store';

/** Both ends of a clone trail: the call this one was cloned from, and the calls cloned from it. */
export function Trail({ row }: { row: HistoryRow }) {
  const { t } = useTranslation('support');
  const { t: tt } = useTranslation('team');
  if (row.clonedFrom === undefined && row.clones.length === 0 && !row.clonedFromTeam) return null;
  // A team row's trail is made of team ids: follow it in the scope being shown.
  const team = row.desk !== undefined;
  const open = (id: number) => (team ? void useHistory.getState().select(id) : useHistory.getState().showCall(id));
  return (
    <nav className="trail" aria-label={t('trail.label')}>
      {row.clonedFrom !== undefined && (
        <button type="button" className="link" onClick={() => open(row.clonedFrom ?? 0)}>
          {t('trail.from', { id: row.clonedFrom })}
          {team && row.clonedFromDesk ? ` (${row.clonedFromBranch ? `${row.clonedFromBranch}/` : ''}${row.clonedFromDesk})` : ''}
        </button>
      )}
      {row.clonedFromTeam && (
        // The team call this desk's replay reproduces, opened in "all I may see" (its id is the team store's).
        <button type="button" className="link" onClick={() => useHistory.getState().showCall(row.clonedFromTeam?.id ?? 0, 'all')}>
          {tt('clonedFromTeam', { id: row.clonedFromTeam.id, desk: row.clonedFromTeam.desk, branch: row.clonedFromTeam.branch })}
        </button>
      )}
      {row.clones.length > 0 && (
        <span>
          {t('trail.to')}{' '}
          {row.clones.map((id) => (
            <button key={id} type="button" className="link" onClick={() => open(id)}>
              #{id}
            </button>
          ))}
        </span>
      )}
    </nav>
  );
}
