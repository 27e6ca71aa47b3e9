/**
 * Export of history rows as CSV or JSON: secret-free, photos as hashes, never as bytes. Rows are
 * written one at a time to a stream that is allowed to push back (a file the operator chose, the
 * CLI's stdout, an HTTP download), so 100,000 rows never become one string in memory.
 */
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { VerificationData } from '../../core/faceid/verification';
import { displayStatus, type HistoryRow } from '../../core/history';

export type ExportFormat = 'csv' | 'json';

const COLUMNS = [
  'started_at',
  'status',
  'profile',
  'environment',
  'operator',
  'biz_no',
  'biz_id',
  'uuid',
  'comparison_type',
  'token',
  'request_id',
  'expired_time',
  'http_status',
  'error_code',
  'error_field',
  'error_message',
  'photos',
  'params',
  'history_id',
  'cloned_from',
  // The verification result, after the call's own columns so older readers of the file keep their positions.
  'verdict',
  'result_status',
  'liveness',
  'ref1_confidence',
  'ref2_confidence',
  'match_level',
  'result_fetches',
  'verify_time',
  'result_fetched_at',
] as const;

/** The result cells of a row ('' where no result is stored). */
function resultCells(r: HistoryRow): string[] {
  const d = r.result?.data as unknown as VerificationData | undefined;
  const n = (v: number | undefined) => (v === undefined ? '' : String(v));
  return [
    r.verdict ?? '',
    r.result?.status ?? '',
    d?.liveness_result?.result ?? '',
    n(d?.verify_result?.result_ref1?.confidence),
    n(d?.verify_result?.result_ref2?.confidence),
    r.result?.level ?? '',
    n(r.result?.fetches),
    n(d?.verify_time),
    r.result ? new Date(r.result.fetchedAt).toISOString() : '',
  ];
}

/** Spreadsheets run cells that start with these as formulas; a leading quote keeps them text. */
function defuse(v: string): string {
  return /^[=+@\t\r]/.test(v) || /^-[^\d]/.test(v) ? `'${v}` : v;
}

function csvLine(r: HistoryRow, nowMs: number): string {
  const cells = [
    new Date(r.startedAt).toISOString(),
    displayStatus(r, nowMs),
    r.profileName,
    r.environment,
    r.operator,
    r.bizNo,
    r.bizId ?? '',
    r.uuid,
    r.comparisonType,
    r.token ?? '',
    r.requestId ?? '',
    r.expiredTime !== undefined ? String(r.expiredTime) : '',
    r.httpStatus !== undefined ? String(r.httpStatus) : '',
    r.errorCode ?? '',
    r.errorField ?? '',
    r.errorMessage ?? '',
    r.photos.map((p) => `${p.param}:sha256=${p.sha256}:${p.bytes}B`).join(' '),
    JSON.stringify(r.params),
    String(r.id),
    r.clonedFrom !== undefined ? String(r.clonedFrom) : '',
    ...resultCells(r),
  ];
  return stringify([cells.map(defuse)]);
}

const csvHeader = (): string => stringify([[...COLUMNS]]);
const jsonItem = (r: HistoryRow, nowMs: number): string =>
  JSON.stringify({ ...r, displayStatus: displayStatus(r, nowMs) }, null, 2).replace(/\n/g, '\n  ');

/** The export as a sequence of chunks: a header, then one chunk per row. */
export function* exportChunks(rows: Iterable<HistoryRow>, format: ExportFormat, nowMs: number): Generator<string> {
  if (format === 'csv') {
    yield csvHeader();
    for (const r of rows) yield csvLine(r, nowMs);
    return;
  }
  let first = true;
  yield '[';
  for (const r of rows) {
    yield `${first ? '\n  ' : ',\n  '}${jsonItem(r, nowMs)}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

/** CSV with a header row; one line per call. */
export function toCsv(rows: Iterable<HistoryRow>, nowMs: number): string {
  return [...exportChunks(rows, 'csv', nowMs)].join('');
}

/** JSON array of whole calls (request parameters redacted, photos as hashes). */
export function toJson(rows: Iterable<HistoryRow>, nowMs: number): string {
  return [...exportChunks(rows, 'json', nowMs)].join('');
}

/**
 * Writes the export to `out`, waiting whenever it pushes back, and ends it (or, with `end: false`,
 * as for stdout, waits until the last chunk is flushed). Resolves to the number of rows written;
 * rejects if the stream fails (a full disk, a closed download).
 */
export async function writeExport(
  rows: Iterable<HistoryRow>,
  format: ExportFormat,
  nowMs: number,
  out: Writable,
  { end = true } = {},
): Promise<number> {
  let count = 0;
  const counted = (function* () {
    for (const r of rows) {
      count++;
      yield r;
    }
  })();
  let failure: Error | undefined;
  const onError = (e: Error) => {
    failure = e;
  };
  out.on('error', onError);
  try {
    for (const chunk of exportChunks(counted, format, nowMs)) {
      if (failure) throw failure;
      if (!out.write(chunk)) {
        await new Promise<void>((resolve, reject) => {
          const done = () => {
            out.off('drain', done);
            out.off('error', fail);
            resolve();
          };
          const fail = (e: Error) => {
            out.off('drain', done);
            reject(e);
          };
          out.on('drain', done);
          out.on('error', fail);
        });
      }
    }
    await new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure);
      const settle = () => (failure ? reject(failure) : resolve());
      if (end) out.end(settle);
      else out.write('', settle);
    });
    return count;
  } finally {
    out.off('error', onError);
  }
}
