import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_MIN_FRAGMENT } from '../../../core/history';
import { useConsole } from '../../app/store';
import {
  COMPARISON_CHOICES,
  SCOPE_CHOICES,
  STATUS_CHOICES,
  VERDICT_CHOICES,
  type ComparisonChoice,
  type ScopeChoice,
  type StatusChoice,
  type VerdictChoice,
} from './filter-form';
import { CustomerChip } from './CustomerLinks';
import { useHistory } from './history-store';
import { useRenderRef } from '../../i18n/message-ref';
import { useTeamOn } from './use-team-on';

const SEARCH_DEBOUNCE_MS = 200;

/** This desk / my branch / all I may see: the same search and filters over the local or the team store. */
function ScopeSelect() {
  const scope = useHistory((s) => s.form.scope ?? 'desk');
  const { t } = useTranslation('team');
  return (
    <select
      aria-label={t('scope.label')}
      value={scope}
      onChange={(e) => useHistory.getState().setForm({ scope: e.target.value as ScopeChoice }, true)}
    >
      {SCOPE_CHOICES.map((c) => (
        <option key={c} value={c}>
          {t(`scope.${c}`)}
        </option>
      ))}
    </select>
  );
}

/** Search box and filters; any change reloads the list from its first page. */
export function HistoryFilters() {
  const form = useHistory((s) => s.form);
  const problem = useHistory((s) => s.problem);
  const profiles = useConsole((s) => s.profiles);
  const { setForm, apply } = useHistory.getState();
  const { t } = useTranslation('support');
  const words = form.text.trim().split(/\s+/).filter(Boolean);
  const onlyShort = words.length > 0 && words.every((w) => [...w].length < SEARCH_MIN_FRAGMENT);
  const { t: td } = useTranslation('desk');
  const { t: th } = useTranslation('history');
  const say = useRenderRef();
  const teamOn = useTeamOn();

  // The search box is applied once typing pauses.
  useEffect(() => {
    const t = setTimeout(() => apply(), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [form.text, apply]);

  return (
    <div className="history-filters" role="search" aria-label={th('filters.label')}>
      <input
        type="search"
        className="history-search"
        aria-label={t('search.label')}
        aria-describedby={onlyShort ? 'history-search-short' : undefined}
        placeholder={t('search.placeholder')}
        value={form.text}
        maxLength={512}
        onChange={(e) => setForm({ text: e.target.value }, false)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
      />
      {teamOn && <ScopeSelect />}
      <select aria-label={th('filters.profile')} value={form.profileId} onChange={(e) => setForm({ profileId: e.target.value }, true)}>
        <option value="">{th('filters.allProfiles')}</option>
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <select
        aria-label={th('filters.status')}
        value={form.status}
        onChange={(e) => setForm({ status: e.target.value as StatusChoice }, true)}
      >
        {STATUS_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {th(`filters.statusChoice.${c.key}`)}
          </option>
        ))}
      </select>
      <label className="date-filter">
        {th('filters.from')}
        <input
          type="date"
          aria-label={th('filters.fromDate')}
          value={form.from}
          onChange={(e) => setForm({ from: e.target.value }, true)}
        />
      </label>
      <label className="date-filter">
        {th('filters.to')}
        <input type="date" aria-label={th('filters.toDate')} value={form.to} onChange={(e) => setForm({ to: e.target.value }, true)} />
      </label>
      <select
        aria-label={th('filters.comparison')}
        value={form.comparisonType}
        onChange={(e) => setForm({ comparisonType: e.target.value as ComparisonChoice }, true)}
      >
        {COMPARISON_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {th(`filters.comparisonChoice.${c.key}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={td('history.filter')}
        value={form.verdict ?? ''}
        onChange={(e) => setForm({ verdict: e.target.value as VerdictChoice }, true)}
      >
        {VERDICT_CHOICES.map((v) => (
          <option key={v} value={v}>
            {v === '' ? td('history.any') : v === 'not-fetched' ? td('history.notFetched') : td(`verdict.${v}`)}
          </option>
        ))}
      </select>
      <CustomerChip />
      {onlyShort && (
        <p id="history-search-short" className="msg search-hint" role="status">
          {t('search.short')}
        </p>
      )}
      {problem && (
        <p className="msg warning" role="status">
          {say(problem)}
        </p>
      )}
    </div>
  );
}
