/**
 * Two calls side by side: every parameter, photo (hash and size), status, error, result and the
 * response body, each marked same or different. The bodies are compared line by line after
 * pretty-printing, so a changed field shows as its own line rather than one long raw string.
 */
import { diffLines } from 'diff';
import type { HistoryRow } from '../../../core/history';

export interface CompareLine {
  key: string;
  a: string;
  b: string;
  same: boolean;
}

export interface BodyPart {
  text: string;
  /** Only in the left call's body, only in the right one's, or in both. */
  side: 'a' | 'b' | 'both';
}

const pretty = (body: string | undefined): string => {
  if (body === undefined) return '';
  try {
    return `${JSON.stringify(JSON.parse(body), null, 2)}\n`;
  } catch {
    return body.endsWith('\n') ? body : `${body}\n`;
  }
};

const photoText = (p: HistoryRow['photos'][number] | undefined): string =>
  p ? `sha256 ${p.sha256} · ${p.bytes} bytes${p.width ? ` · ${p.width}×${p.height}` : ''}` : '';

/** The fields of two calls, in a stable order, marked same or different. */
export function compareCalls(a: HistoryRow, b: HistoryRow): { lines: CompareLine[]; body: BodyPart[] } {
  const lines: CompareLine[] = [];
  const add = (key: string, x: string | undefined, y: string | undefined) =>
    lines.push({ key, a: x ?? '', b: y ?? '', same: (x ?? '') === (y ?? '') });
  add('status', a.status, b.status);
  add('HTTP', a.httpStatus?.toString(), b.httpStatus?.toString());
  add('profile', a.profileName, b.profileName);
  add('error', a.errorCode, b.errorCode);
  add('error field', a.errorField, b.errorField);
  add('result', a.result?.status ?? a.resultStatus, b.result?.status ?? b.resultStatus);
  const names = [...new Set([...Object.keys(a.params), ...Object.keys(b.params)])].filter((n) => n !== 'api_secret');
  for (const n of names) add(n, a.params[n], b.params[n]);
  for (const param of ['image_ref1', 'image_ref2'] as const) {
    const pa = a.photos.find((p) => p.param === param);
    const pb = b.photos.find((p) => p.param === param);
    if (pa || pb) add(param, photoText(pa), photoText(pb));
  }
  const body = diffLines(pretty(a.responseBody), pretty(b.responseBody)).map(
    (c) => ({ text: c.value, side: c.added ? 'b' : c.removed ? 'a' : 'both' }) as BodyPart,
  );
  return { lines, body };
}
