import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryRow } from '../../../core/history';
import { api } from '../../bridge';
import { compareCalls } from './compare';
import { errorText } from '../../i18n/error-text';

/** "Compare with #N": this call beside another, differences highlighted (and marked ≠ for those who cannot see colour). */
export function CompareCalls({ row }: { row: HistoryRow }) {
  const { t } = useTranslation('support');
  const partner = row.clonedFrom ?? row.clones[0];
  const [otherId, setOtherId] = useState(partner !== undefined ? String(partner) : '');
  const [other, setOther] = useState<HistoryRow>();
  const [error, setError] = useState<string>();
  const load = async () => {
    setError(undefined);
    const id = Number(otherId.replace('#', ''));
    if (!Number.isInteger(id) || id <= 0) return setError(t('compare.badId'));
    const r = await api.getHistoryRow(row.desk !== undefined ? { id, scope: 'all' } : { id });
    if (r.ok) setOther(r.value);
    else setError(errorText(r.error));
  };
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
                <th scope="col">#{row.id}</th>
                <th scope="col">#{other.id}</th>
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
                  .map((line) => `${p.side === 'a' ? `− #${row.id} ` : p.side === 'b' ? `+ #${other.id} ` : '  '}${line}`)
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
