/** How history values read on screen: in the operator's language, times by Intl (core/i18n/format.ts). */
import type { DisplayStatus } from '../../../core/history';
import { formatDateTime, formatDayTime } from '../../../core/i18n/format';
import { currentLocale, i18n } from '../../i18n/i18n';

/** A call's status as the list and the detail show it. */
export function statusLabel(status: DisplayStatus): string {
  return i18n.t(`history:status.${status}`);
}

/** A profile environment (sandbox, test, production) as the profile editor names it; an unknown one as stored. */
export function environmentName(environment: string): string {
  return i18n.t(`profiles:environment.${environment}`, { defaultValue: environment });
}

/** "1 call", "1,234 calls", "10,000+ calls" (grouped as the language writes numbers). */
export function formatCount(total: number, capped: boolean): string {
  return i18n.t('history:count', { total, capped: capped ? 'yes' : 'no' });
}

/** A call time to the second with its time zone (a team's desks may not share one), e.g. "14 Mar 2026, 09:26:53 GMT+7". */
export function formatTime(ms: number): string {
  return formatDateTime(ms, currentLocale(), { withZone: true });
}

/** The same without the year and zone, for the list: "14 Mar, 09:26:53". */
export const formatShortTime = (ms: number): string => formatDayTime(ms, currentLocale());

/** Unix seconds as a local time with the raw value, e.g. "14 Mar 2026, 14:03:10 GMT+7 (1700000000)". */
export function formatUnixSeconds(s: number): string {
  return `${formatDateTime(s * 1000, currentLocale(), { withZone: true })} (${s})`;
}

/** A user-facing message from anything thrown. */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
