/** Export of history rows as CSV or JSON: secret-free, photos as hashes, never as bytes. */
import { stringify } from 'csv-stringify/sync';
import type { VerificationData } from '../../core/faceid/verification';
import { displayStatus, type HistoryRow } from '../../core/history';

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
  // The verification result, after the call's own columns so older readers of the file keep their positions.
  'verdict',
  'result_status',
  'liveness',
  'ref1_confidence',
  'ref2_confidence',
  'match_level',
  'result_fetches',
  'verify_time',
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
  ];
}

/** Spreadsheets run cells that start with these as formulas; a leading quote keeps them text. */
function defuse(v: string): string {
  return /^[=+@\t\r]/.test(v) || /^-[^\d]/.test(v) ? `'${v}` : v;
}

/** CSV with a header row; one line per call. */
export function toCsv(rows: Iterable<HistoryRow>, nowMs: number): string {
  const records: string[][] = [];
  for (const r of rows) {
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
      ...resultCells(r),
    ];
    records.push(cells.map(defuse));
  }
  return stringify(records, { header: true, columns: [...COLUMNS] });
}

/** JSON array of whole calls (request parameters redacted, photos as hashes). */
export function toJson(rows: Iterable<HistoryRow>, nowMs: number): string {
  const out = [];
  for (const r of rows) out.push({ ...r, displayStatus: displayStatus(r, nowMs) });
  return `${JSON.stringify(out, null, 2)}\n`;
}
