/**
 * The one way the console shows dates, times and durations: Intl in the operator's locale, with the
 * time zone named where a reader at another desk could misread it. Exports and files keep ISO 8601
 * UTC; these are for the screen, the printed record and the CLI.
 */
import { LOCALE_TAGS, type Locale } from './locales';

const cache = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

/** Date and time, e.g. "1 Dec 2026, 19:31:50 UTC" / "1 Des 2026 19.31.50 UTC" / "2026年12月1日 19:31:50 UTC". */
export function formatDateTime(
  ms: number,
  locale: Locale,
  opts: { timeZone?: string; withZone?: boolean; seconds?: boolean } = {},
): string {
  return dateTimeFormat(
    locale,
    {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: opts.seconds === false ? undefined : '2-digit',
      hourCycle: 'h23',
      timeZoneName: opts.withZone ? 'short' : undefined,
    },
    opts.timeZone,
  ).format(ms);
}

/** Time of day only, e.g. "19:31". */
export function formatTime(ms: number, locale: Locale, opts: { timeZone?: string; seconds?: boolean } = {}): string {
  return dateTimeFormat(
    locale,
    { hour: '2-digit', minute: '2-digit', second: opts.seconds ? '2-digit' : undefined, hourCycle: 'h23' },
    opts.timeZone,
  ).format(ms);
}

/** A countdown as m:ss (or h:mm:ss): digits read the same in every locale we ship. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A duration in words, largest two units, e.g. "1 hr 5 min" / "1 jam 5 mnt" / "1小时5分钟". */
export function formatDuration(ms: number, locale: Locale): string {
  const total = Math.max(0, Math.round(ms / 1000));
  if (total < 60 && ms < 1000) {
    return new Intl.NumberFormat(LOCALE_TAGS[locale], { style: 'unit', unit: 'millisecond', unitDisplay: 'short' }).format(Math.round(ms));
  }
  const parts: [number, 'hour' | 'minute' | 'second'][] = [
    [Math.floor(total / 3600), 'hour'],
    [Math.floor((total % 3600) / 60), 'minute'],
    [total % 60, 'second'],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  const list = (shown.length > 0 ? shown : [[0, 'second'] as [number, 'second']]).map(([n, unit]) =>
    new Intl.NumberFormat(LOCALE_TAGS[locale], { style: 'unit', unit, unitDisplay: 'short' }).format(n),
  );
  return new Intl.ListFormat(LOCALE_TAGS[locale], { style: 'narrow', type: 'unit' }).format(list);
}

/** ISO 8601 in UTC, for exports and files. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** Day and time without the year, for dense lists, e.g. "1 Dec, 19:31:50" / "1 Des 19.31.50" / "12月1日 19:31:50". */
export function formatDayTime(ms: number, locale: Locale, opts: { timeZone?: string } = {}): string {
  return dateTimeFormat(
    locale,
    { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
    opts.timeZone,
  ).format(ms);
}
