/**
 * The history filter as the operator edits it (strings from the controls) and its translation to
 * the HistoryFilter the trusted side understands. Dates are local calendar days; "to" is inclusive.
 */
import type { HistoryFilter } from '../../../core/history';
import { msg, type MessageRef } from '../../../core/i18n/render';

export type StatusChoice = '' | NonNullable<HistoryFilter['status']>;
export type ComparisonChoice = '' | NonNullable<HistoryFilter['comparisonType']>;
export type VerdictChoice = '' | NonNullable<HistoryFilter['verdict']>;
/** The verdict filter's values, in the order the list offers them (labels: the desk namespace). */
export const VERDICT_CHOICES: readonly VerdictChoice[] = [
  '',
  'passed',
  'not-passed',
  'cancelled',
  'timed-out',
  'expired-unused',
  'not-fetched',
];

export interface FilterForm {
  text: string;
  profileId: string;
  status: StatusChoice;
  /** YYYY-MM-DD from a date input, or ''. */
  from: string;
  to: string;
  comparisonType: ComparisonChoice;
  /** The customer view, set from a call's details (no control of its own): exact uuid, or ''. */
  uuid: string;
  /** ...or a biz_no family: biz_no starting with this, or ''. */
  bizNoPrefix: string;
  verdict?: VerdictChoice;
  /** Whose calls: this desk's own (absent), its branch's or all the team role may read. */
  scope?: ScopeChoice;
}

export type ScopeChoice = 'desk' | 'branch' | 'all';
/** The scopes in the order the view offers them (labels: the team namespace). */
export const SCOPE_CHOICES: readonly ScopeChoice[] = ['desk', 'branch', 'all'];

export const EMPTY_FORM: FilterForm = {
  text: '',
  profileId: '',
  status: '',
  from: '',
  to: '',
  comparisonType: '',
  uuid: '',
  bizNoPrefix: '',
};

/** The status filter's values with their labels' keys (namespace `history`, filters.statusChoice). */
export const STATUS_CHOICES: readonly { value: StatusChoice; key: 'any' | Exclude<StatusChoice, ''> }[] = [
  { value: '', key: 'any' },
  { value: 'issued', key: 'issued' },
  { value: 'expired', key: 'expired' },
  { value: 'failed', key: 'failed' },
  { value: 'unknown', key: 'unknown' },
  { value: 'pending', key: 'pending' },
];

/** The comparison_type filter's values with their labels' keys (namespace `history`, filters.comparisonChoice). */
export const COMPARISON_CHOICES: readonly { value: ComparisonChoice; key: 'any' | 'liveness' | 'photos' }[] = [
  { value: '', key: 'any' },
  { value: '-1', key: 'liveness' },
  { value: '0', key: 'photos' },
];

/** Local midnight of a YYYY-MM-DD day, in ms; undefined for an empty or malformed value. */
export function dayStartMs(day: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const ms = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/** Local midnight of the day after `day`: the exclusive end of an inclusive "to" date. */
function dayEndMs(day: string): number | undefined {
  const start = dayStartMs(day);
  if (start === undefined) return undefined;
  const d = new Date(start);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

/** The filter to send, and a problem to show when the form cannot be taken as it is. */
export function toHistoryFilter(form: FilterForm): { filter: HistoryFilter; problem?: MessageRef } {
  const filter: HistoryFilter = {};
  const text = form.text.trim();
  if (text) filter.text = text.slice(0, 512);
  if (form.profileId) filter.profileId = form.profileId;
  if (form.status) filter.status = form.status;
  if (form.comparisonType) filter.comparisonType = form.comparisonType;
  if (form.uuid) filter.uuid = form.uuid;
  if (form.bizNoPrefix) filter.bizNoPrefix = form.bizNoPrefix;
  if (form.verdict) filter.verdict = form.verdict;
  if (form.scope && form.scope !== 'desk') filter.scope = form.scope;
  const from = dayStartMs(form.from);
  const to = dayEndMs(form.to);
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  if (from !== undefined && to !== undefined && from >= to) {
    return { filter, problem: msg('history', 'filters.datesReversed', { from: form.from, to: form.to }) };
  }
  return { filter };
}

/** Whether a filter matches every row. */
export const isEmptyFilter = (f: HistoryFilter): boolean => Object.keys(f).length === 0;

/** Stable identity of a filter, to tell whether a refetch is needed. */
export const filterKey = (f: HistoryFilter): string =>
  JSON.stringify([
    f.text ?? '',
    f.profileId ?? '',
    f.status ?? '',
    f.from ?? '',
    f.to ?? '',
    f.comparisonType ?? '',
    f.uuid ?? '',
    f.bizNoPrefix ?? '',
    f.verdict ?? '',
    f.scope ?? '',
  ]);
