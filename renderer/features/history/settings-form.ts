/** The history settings as typed in the form, checked before they are sent (problems by reference, namespace `history`). */
import type { Settings } from '../../../core/history';
import { msg, type MessageRef } from '../../../core/i18n/render';

export interface SettingsDraft {
  operator: string;
  keepPhotos: boolean;
  retentionDays: string;
  retentionRows: string;
}

export const toDraft = (s: Settings): SettingsDraft => ({
  operator: s.operator,
  keepPhotos: s.keepPhotos,
  retentionDays: String(s.retentionDays),
  retentionRows: String(s.retentionRows),
});

function wholeNumber(text: string, max: number, what: 'days' | 'rows'): number | MessageRef {
  const t = text.trim();
  if (t === '') return 0;
  if (!/^\d+$/.test(t)) return msg('history', `settings.problem.${what}NotWhole`);
  const n = Number(t);
  return n > max ? msg('history', `settings.problem.${what}TooBig`, { max }) : n;
}

export type SettingsProblems = Partial<Record<keyof SettingsDraft, MessageRef>>;

/** Settings to save, or the problems to show (by field). */
export function fromDraft(d: SettingsDraft): { settings: Omit<Settings, 'language' | 'historyColumns'> } | { problems: SettingsProblems } {
  const problems: SettingsProblems = {};
  const operator = d.operator.trim();
  if (operator.length > 120) problems.operator = msg('history', 'settings.problem.operatorTooLong', { max: 120 });
  const days = wholeNumber(d.retentionDays, 3650, 'days');
  const rows = wholeNumber(d.retentionRows, 10_000_000, 'rows');
  if (typeof days !== 'number') problems.retentionDays = days;
  if (typeof rows !== 'number') problems.retentionRows = rows;
  if (typeof days !== 'number' || typeof rows !== 'number' || problems.operator) return { problems };
  return { settings: { operator, keepPhotos: d.keepPhotos, retentionDays: days, retentionRows: rows } };
}
