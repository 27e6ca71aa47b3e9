import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryRow } from '../../../core/history';
import { api } from '../../bridge';
import { compareCalls } from './compare';
import { errorText } from '../../i18n/error-text';
import { useTeamOn } from './use-team-on';

type Where = 'desk' | 'team';

/**
 * The call to compare with, first: a replay of a team call is compared with that team call (the
 * customer's call beside its reproduction); otherwise the call it was cloned from, or its first
 * clone, in the same store as the call shown.
 */
function partnerOf(row: HistoryRow): { id?: number; where: Where } {
  if (row.clonedFromTeam) return { id: row.clonedFromTeam.id, where: 'team' };
  return { id: row.clonedFrom ?? row.clones[0], where: row.desk !== undefined ? 'team' : 'desk' };
}

/** "Compare with #N": this call beside another, differences highlighted (and marked ≠ for those who cannot see colour). */
export function CompareCalls({ row }: { row: HistoryRow }) {
  const { t } = useTranslation('support');
  const partner = partnerOf(row);
  const [otherId, setOtherId] = useState(partner.id !== undefined ? String(partner.id) : '');
  // The other call's number is this desk's or the team store's: ids of the two are unrelated.
  const [where, setWhere] = useState<Where>(partner.where);
  const teamOn = useTeamOn();
  const whereId = useId();
  const [other, setOther] = useState<HistoryRow>();
  const [error, setError] = useState<string>();
  const load = async () => {
    setError(undefined);
    const id = Number(otherId.replace('#', ''));
    if (!Number.isInteger(id) || id <= 0) return setError(t('compare.badId'));
    const r = await api.getHistoryRow(where === 'team' ? { id, scope: 'all' } : { id });
    if (r.ok) setOther(r.value);
    else setError(errorText(r.error));
  };
  // A team call is named as one wherever the two are told apart: its number is the team store's.
  const short = (c: HistoryRow) => (c.desk !== undefined ? t('compare.teamShort', { id: c.id }) : `#${c.id}`);
  const heading = (c: HistoryRow) =>
    c.desk !== undefined ? t('compare.teamCall', { id: c.id, place: `${c.branch ? `${c.branch}/` : ''}${c.desk}` }) : `#${c.id}`;
  const result = other ? compareCalls(row, other) : undefined;
  return (
    <section className="compare" aria-label={t('compare.title')}>
      <form
        className="compare-pick"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label>
          {t('compare.with')}
          <input type="text" inputMode="numeric" size={6} value={otherId} onChange={(e) => setOtherId(e.target.value)} />
        </label>
        {(teamOn || where === 'team') && (
          <span className="compare-where">
            {/* Labelled by "in" alone: a wrapping label would make the chosen option part of its name. */}
            <label htmlFor={whereId}>{t('compare.in')}</label>
            <select id={whereId} value={where} onChange={(e) => setWhere(e.target.value as Where)}>
              <option value="desk">{t('compare.here')}</option>
              <option value="team">{t('compare.team')}</option>
            </select>
          </span>
        )}
        <button type="submit" className="small">
          {t('compare.go')}
        </button>
      </form>
      {error && (
        <p className="msg error" role="alert">
          {error}
        </p>
      )}
      {other && result && (
        <>
          <p className="hint">{t('compare.summary', { count: result.lines.filter((l) => !l.same).length })}</p>
          <table className="compare-table">
            <thead>
              <tr>
                <th scope="col">{t('compare.field')}</th>
                <th scope="col">{heading(row)}</th>
                <th scope="col">{heading(other)}</th>
              </tr>
            </thead>
            <tbody>
              {result.lines.map((l) => (
                <tr key={l.key} className={l.same ? undefined : 'differs'}>
                  <th scope="row">
                    {l.same ? '' : '≠ '}
                    <code>{l.key}</code>
                  </th>
                  <td className="mono">{l.a}</td>
                  <td className="mono">{l.b}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>{t('compare.body')}</h4>
          <pre className="json compare-body" aria-label={t('compare.body')}>
            {result.body.map((p, i) => (
              <span key={i} className={`body-${p.side}`}>
                {p.text
                  .replace(/\n$/, '')
                  .split('\n')
                  .map((line) => `${p.side === 'a' ? `− ${short(row)} ` : p.side === 'b' ? `+ ${short(other)} ` : '  '}${line}`)
                  .join('\n')}
                {'\n'}
              </span>
            ))}
          </pre>
        </>
      )}
    </section>
  );
}
