/** How history values read on screen. */
import type { DisplayStatus } from '../../../core/history';

export const STATUS_LABEL: Record<DisplayStatus, string> = {
  issued: 'issued',
  expired: 'expired',
  failed: 'failed',
  unknown: 'unknown outcome',
  pending: 'pending',
};

/** "1 call", "1,234 calls", "10,000+ calls". */
export function formatCount(total: number, capped: boolean): string {
  const n = total.toLocaleString('en-US');
  return `${n}${capped ? '+' : ''} call${total === 1 && !capped ? '' : 's'}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A call time, local, to the second: 2026-03-14 09:26:53. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The same without the year, for the list: 03-14 09:26:53. */
export const formatShortTime = (ms: number): string => formatTime(ms).slice(5);

/** Unix seconds as a local time with the raw value, e.g. "14:03:10 (1700000000)". */
export function formatUnixSeconds(s: number): string {
  return `${new Date(s * 1000).toLocaleString()} (${s})`;
}

/** A user-facing message from anything thrown. */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
