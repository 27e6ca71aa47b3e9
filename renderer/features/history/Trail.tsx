import { useTranslation } from 'react-i18next';
import type { HistoryRow } from '../../../core/history';
import { useHistory } from './history-store';

/** Both ends of a clone trail: the call this one was cloned from, and the calls cloned from it. */
export function Trail({ row }: { row: HistoryRow }) {
  const { t } = useTranslation('support');
  const { t: tt } = useTranslation('team');
  const origin = row.clonedFromTeam;
  if (row.clonedFrom === undefined && row.clones.length === 0 && !origin) return null;
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
      {origin && (
        // The team call this desk's replay reproduces, opened in "all I may see" (its id is the team store's).
        <button type="button" className="link" onClick={() => useHistory.getState().showCall(origin.id, 'all')}>
          {tt('clonedFromTeam', { id: origin.id, desk: origin.desk, branch: origin.branch })}
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
