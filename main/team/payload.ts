/**
 * A local history row as the team store receives it: every text through the redactor once more
 * (the publish payload is a boundary like any other), result images removed (photo bytes travel
 * only in the photos table, and only where policy allows), and the result ranked so the newest
 * completed state wins on the server.
 */
import { redactDeep, type Redactor } from '../vault/redact';
import type { HistoryPhoto, StoredResult, TeamOrigin } from '../../core/history';

/** Flows whose result can no longer change (anything else is still running). */
const FINISHED = new Set(['OK', 'FAILED', 'CANCELLED', 'TIMEOUT', 'WEBRTC_UNSUPPORTED']);

export interface TeamCallPayload {
  global_id: string;
  started_at: number;
  finished_at: number | null;
  status: string;
  profile_id: string;
  profile_name: string;
  environment: string;
  base_url: string;
  operator: string;
  biz_no: string;
  uuid: string;
  comparison_type: string;
  params: unknown;
  photos: unknown;
  http_status: number | null;
  response_body: string | null;
  token: string | null;
  biz_id: string | null;
  request_id: string | null;
  expired_time: number | null;
  time_used: number | null;
  elapsed_ms: number | null;
  error_code: string | null;
  error_field: string | null;
  error_message: string | null;
  result: unknown;
  result_status: string | null;
  result_rank: number | null;
  result_fetched_at: number | null;
  /** The global id of the call this one was cloned or replayed from (this desk's or a team call). */
  cloned_from: string | null;
  /** Where that call was made, when it was a team call (a replay by support of a branch's call). */
  cloned_from_branch: string | null;
  cloned_from_desk: string | null;
}

const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const n = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null);

/** A result's rank: 1 for a finished flow (it can no longer change), 0 for one still running. */
export const resultRank = (status: string): number => (FINISHED.has(status) ? 1 : 0);

function resultOf(json: unknown): { result: StoredResult | null; rank: number | null } {
  if (typeof json !== 'string') return { result: null, rank: null };
  const r = JSON.parse(json) as StoredResult;
  const { images: _images, ...data } = r.data;
  void _images;
  return { result: { ...r, data }, rank: resultRank(r.status) };
}

/** The branch and desk of the team call a row was cloned from (recorded locally when it was replayed). */
function originOf(json: unknown): Pick<TeamCallPayload, 'cloned_from_branch' | 'cloned_from_desk'> {
  if (typeof json !== 'string') return { cloned_from_branch: null, cloned_from_desk: null };
  const o = JSON.parse(json) as Partial<TeamOrigin>;
  return { cloned_from_branch: s(o.branch), cloned_from_desk: s(o.desk) };
}

/** The team payload of one local row. */
export function payloadOf(row: Record<string, unknown>, redact: Redactor): TeamCallPayload {
  const { result, rank } = resultOf(row.result_json);
  const p: TeamCallPayload = {
    global_id: String(row.global_id),
    started_at: Number(row.started_at),
    finished_at: n(row.finished_at),
    status: String(row.status),
    profile_id: String(row.profile_id),
    profile_name: String(row.profile_name),
    environment: String(row.environment),
    base_url: String(row.base_url),
    operator: String(row.operator),
    biz_no: String(row.biz_no),
    uuid: String(row.uuid),
    comparison_type: String(row.comparison_type),
    params: JSON.parse(String(row.params_json)),
    photos: JSON.parse(String(row.photos_json)),
    http_status: n(row.http_status),
    response_body: s(row.response_body),
    token: s(row.token),
    biz_id: s(row.biz_id),
    request_id: s(row.request_id),
    expired_time: n(row.expired_time),
    time_used: n(row.time_used),
    elapsed_ms: n(row.elapsed_ms),
    error_code: s(row.error_code),
    error_field: s(row.error_field),
    error_message: s(row.error_message),
    result,
    result_status: s(row.result_status),
    result_rank: rank,
    result_fetched_at: result ? result.fetchedAt : null,
    cloned_from: s(row.cloned_from_global),
    ...originOf(row.cloned_from_team),
  };
  // PostgreSQL text and jsonb cannot hold U+0000; an upstream's binary error page can. Without
  // this one such row would block the whole outbox forever.
  return redactDeep(p, (t) => redact(t).replaceAll('\u0000', '\uFFFD'));
}

/** Hashes of the photo bytes a row refers to that the desk keeps. */
export function keptPhotoHashes(p: TeamCallPayload): string[] {
  const photos = Array.isArray(p.photos) ? (p.photos as HistoryPhoto[]) : [];
  const out = photos.filter((ph) => ph.kept).map((ph) => ph.sha256);
  const best = (p.result as StoredResult | null)?.bestImageSha256;
  if (best) out.push(best);
  return out;
}

/** The result columns of a team row for a result fetched on any desk (images removed, redacted). */
export function resultPayloadOf(
  stored: StoredResult,
  redact: Redactor,
): Pick<TeamCallPayload, 'result' | 'result_status' | 'result_rank' | 'result_fetched_at'> {
  const { result, rank } = resultOf(JSON.stringify(stored));
  return redactDeep(
    { result, result_status: result?.status ?? null, result_rank: rank, result_fetched_at: result?.fetchedAt ?? null },
    redact,
  );
}
