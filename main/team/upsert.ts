/**
 * The one statement that publishes a batch: an idempotent upsert keyed by the global call id.
 * A completion replaces a pending row, never the other way round; a result replaces another only
 * when it ranks higher (finished over running) or, at the same rank, was fetched later. A row
 * that gains nothing is not touched, so duplicate delivery leaves its version unchanged.
 */
import type { ClientBase } from 'pg';
import type { TeamCallPayload } from './payload';

const COMPLETION = [
  'finished_at',
  'status',
  'http_status',
  'response_body',
  'token',
  'biz_id',
  'request_id',
  'expired_time',
  'time_used',
  'elapsed_ms',
  'error_code',
  'error_field',
  'error_message',
];
const RESULT = ['result', 'result_status', 'result_rank', 'result_fetched_at'];

const RECORD_TYPES =
  'global_id uuid, started_at bigint, finished_at bigint, status text, profile_id text, profile_name text, environment text, base_url text, operator text, biz_no text, uuid text, comparison_type text, params jsonb, photos jsonb, http_status integer, response_body text, token text, biz_id text, request_id text, expired_time bigint, time_used integer, elapsed_ms integer, error_code text, error_field text, error_message text, result jsonb, result_status text, result_rank integer, result_fetched_at bigint, cloned_from uuid, cloned_from_branch text, cloned_from_desk text';
const COLUMNS = RECORD_TYPES.split(', ').map((c) => c.split(' ')[0]);

const completes = "(t.status = 'pending' AND EXCLUDED.status <> 'pending')";
const newerResult =
  '(EXCLUDED.result_rank IS NOT NULL AND (EXCLUDED.result_rank, EXCLUDED.result_fetched_at) > (coalesce(t.result_rank, -1), coalesce(t.result_fetched_at, -1)))';

const UPSERT = `INSERT INTO faceid_team.calls AS t (${COLUMNS.join(', ')})
SELECT ${COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${RECORD_TYPES})
ON CONFLICT (global_id) DO UPDATE SET
  ${COMPLETION.map((c) => `${c} = CASE WHEN ${completes} THEN EXCLUDED.${c} ELSE t.${c} END`).join(',\n  ')},
  ${RESULT.map((c) => `${c} = CASE WHEN ${newerResult} THEN EXCLUDED.${c} ELSE t.${c} END`).join(',\n  ')},
  version = t.version + 1,
  published_at = now()
WHERE ${completes} OR ${newerResult}`;

const PHOTOS = `INSERT INTO faceid_team.photos (global_id, sha256, bytes)
SELECT (x->>'global_id')::uuid, x->>'sha256', decode(x->>'bytes', 'base64') FROM jsonb_array_elements($1::jsonb) AS x
ON CONFLICT (global_id, sha256) DO NOTHING`;

/** Upserts the calls (one per global id) and the photos, in the caller's transaction. */
export async function upsertBatch(
  client: ClientBase,
  calls: TeamCallPayload[],
  photos: { global_id: string; sha256: string; bytes: string }[],
): Promise<void> {
  if (calls.length > 0) await client.query(UPSERT, [JSON.stringify(calls)]);
  if (photos.length > 0) await client.query(PHOTOS, [JSON.stringify(photos)]);
}

/**
 * A result fetched on a desk that did not issue the token (another desk of the branch, or support,
 * for a team call it may read): faceid_team.publish_result (schema 3) writes only the result
 * columns, only for a call the caller may read, and only when it ranks higher than the row's — the
 * same rule as the upsert. The issuing desk reads it back (results-back.ts). Returns whether the
 * row changed.
 */
export async function upsertResult(
  client: ClientBase,
  globalId: string,
  result: Pick<TeamCallPayload, 'result' | 'result_status' | 'result_rank' | 'result_fetched_at'>,
): Promise<boolean> {
  const res = await client.query<{ changed: boolean }>('SELECT faceid_team.publish_result($1::uuid, $2::jsonb) AS changed', [
    globalId,
    JSON.stringify(result),
  ]);
  return res.rows[0]?.changed === true;
}
