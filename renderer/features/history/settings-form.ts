/** The history settings as typed in the form, checked before they are sent. */
import type { Settings } from '../../../core/history';

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

function wholeNumber(text: string, max: number, what: string): number | string {
  const t = text.trim();
  if (t === '') return 0;
  if (!/^\d+$/.test(t)) return `${what} must be a whole number (0 keeps everything).`;
  const n = Number(t);
  return n > max ? `${what} can be at most ${max.toLocaleString('en-US')}.` : n;
}

/** Settings to save, or the problems to show (by field). */
export function fromDraft(
  d: SettingsDraft,
): { settings: Omit<Settings, 'language' | 'historyColumns'> } | { problems: Partial<Record<keyof SettingsDraft, string>> } {
  const problems: Partial<Record<keyof SettingsDraft, string>> = {};
  const operator = d.operator.trim();
  if (operator.length > 120) problems.operator = 'The operator name can be at most 120 characters.';
  const days = wholeNumber(d.retentionDays, 3650, 'Retention days');
  const rows = wholeNumber(d.retentionRows, 10_000_000, 'Retention rows');
  if (typeof days === 'string') problems.retentionDays = days;
  if (typeof rows === 'string') problems.retentionRows = rows;
  if (typeof days === 'string' || typeof rows === 'string' || problems.operator) return { problems };
  return { settings: { operator, keepPhotos: d.keepPhotos, retentionDays: days, retentionRows: rows } };
}
