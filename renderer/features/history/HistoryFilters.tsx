import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/store';
import { COMPARISON_CHOICES, STATUS_CHOICES, VERDICT_CHOICES, type ComparisonChoice, type StatusChoice, type VerdictChoice } from './filter-form';
import { useHistory } from './history-store';

const SEARCH_DEBOUNCE_MS = 200;

/** Search box and filters; any change reloads the list from its first page. */
export function HistoryFilters() {
  const form = useHistory((s) => s.form);
  const problem = useHistory((s) => s.problem);
  const profiles = useConsole((s) => s.profiles);
  const { setForm, apply } = useHistory.getState();
  const { t: td } = useTranslation('desk');

  // The search box is applied once typing pauses.
  useEffect(() => {
    const t = setTimeout(() => apply(), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [form.text, apply]);

  return (
    <div className="history-filters" role="search" aria-label="History filters">
      <input
        type="search"
        className="history-search"
        aria-label="Search biz_id, biz_no, uuid, token or request_id (prefix)"
        placeholder="Search biz_id, biz_no, uuid, token, request_id…"
        value={form.text}
        maxLength={512}
        onChange={(e) => setForm({ text: e.target.value }, false)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
      />
      <select aria-label="Filter by profile" value={form.profileId} onChange={(e) => setForm({ profileId: e.target.value }, true)}>
        <option value="">All profiles</option>
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <select aria-label="Filter by status" value={form.status} onChange={(e) => setForm({ status: e.target.value as StatusChoice }, true)}>
        {STATUS_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <label className="date-filter">
        From
        <input type="date" aria-label="From date" value={form.from} onChange={(e) => setForm({ from: e.target.value }, true)} />
      </label>
      <label className="date-filter">
        to
        <input type="date" aria-label="To date (inclusive)" value={form.to} onChange={(e) => setForm({ to: e.target.value }, true)} />
      </label>
      <select aria-label="Filter by comparison type" value={form.comparisonType} onChange={(e) => setForm({ comparisonType: e.target.value as ComparisonChoice }, true)}>
        {COMPARISON_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <select aria-label={td('history.filter')} value={form.verdict ?? ''} onChange={(e) => setForm({ verdict: e.target.value as VerdictChoice }, true)}>
        {VERDICT_CHOICES.map((v) => (
          <option key={v} value={v}>
            {v === '' ? td('history.any') : v === 'not-fetched' ? td('history.notFetched') : td(`verdict.${v}`)}
          </option>
        ))}
      </select>
      {problem && (
        <p className="msg warning" role="status">
          {problem}
        </p>
      )}
    </div>
  );
}
