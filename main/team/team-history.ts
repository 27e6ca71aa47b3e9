/**
 * The team store answering the history's own query shape (HistoryFilter, cursor, HistoryPage), so
 * the History view and the CLI ask a local or a team store through the same operations. The
 * scope narrows what row-level security already allows: "desk" the connected desk's own calls,
 * "branch" its branch's, "all" everything the role may read (support: every branch). Text search
 * is a fragment (substring, any letter case) over biz_id, biz_no, uuid, token and request_id,
 * served by a pg_trgm GIN index.
 */
import type { ClientBase, Pool } from 'pg';
import type {
  CallStatus,
  HistoryCursor,
  HistoryFilter,
  HistoryListRow,
  HistoryPage,
  HistoryPhoto,
  HistoryRow,
  StoredResult,
} from '../../core/history';

export type TeamScope = 'desk' | 'branch' | 'all';

/** Filtered counts stop here, as in the local store. */
const COUNT_CAP = 10_000;

/** A list row with where it came from. */
export interface TeamListRow extends HistoryListRow {
  branch: string;
  desk: string;
}

/** ILIKE pattern for a fragment: its own % _ and \\ are searched for, not obeyed. */
function patternOf(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereOf(
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  cursor?: HistoryCursor,
  withText = true,
): { sql: string; values: unknown[] } {
  const parts: string[] = [];
  const values: unknown[] = [];
  const v = (x: unknown) => {
    values.push(x);
    return `$${values.length}`;
  };
  if (scope === 'desk') parts.push('desk = (SELECT faceid_team.my_desk())');
  if (scope === 'branch') parts.push('branch = (SELECT faceid_team.my_branch())');
  const text = filter.text?.trim();
  if (text && withText) parts.push(`search_text ILIKE ${v(patternOf(text))}`);
  if (filter.profileId) parts.push(`profile_id = ${v(filter.profileId)}`);
  if (filter.status) {
    const nowS = Math.floor(nowMs / 1000);
    if (filter.status === 'issued') parts.push(`status = 'issued' AND expired_time > ${v(nowS)}`);
    else if (filter.status === 'expired') parts.push(`status = 'issued' AND expired_time <= ${v(nowS)}`);
    else parts.push(`status = ${v(filter.status)}`);
  }
  if (filter.from !== undefined) parts.push(`started_at >= ${v(filter.from)}`);
  if (filter.to !== undefined) parts.push(`started_at < ${v(filter.to)}`);
  if (filter.comparisonType) parts.push(`comparison_type = ${v(filter.comparisonType)}`);
  // The customer view and the verdict column, as in the desk's own history.
  if (filter.uuid) parts.push(`uuid = ${v(filter.uuid)}`);
  if (filter.bizNoPrefix) parts.push(`biz_no LIKE ${v(`${filter.bizNoPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (filter.verdict === 'not-fetched') parts.push("status = 'issued' AND verdict IS NULL");
  else if (filter.verdict) parts.push(`verdict = ${v(filter.verdict)}`);
  if (cursor) parts.push(`(started_at, id) < (${v(cursor.startedAt)}, ${v(cursor.id)})`);
  return { sql: parts.length > 0 ? parts.join(' AND ') : 'true', values };
}

const COLUMNS =
  'id, started_at, status, profile_name, environment, biz_no, biz_id, uuid, token, expired_time, error_code, comparison_type, result_status, verdict, branch, desk';

function listRow(r: Record<string, unknown>): TeamListRow {
  const opt = (x: unknown) => (x === null || x === undefined ? undefined : x);
  return {
    id: Number(r.id),
    startedAt: Number(r.started_at),
    status: r.status as CallStatus,
    profileName: String(r.profile_name),
    environment: String(r.environment),
    bizNo: String(r.biz_no),
    bizId: opt(r.biz_id) as string | undefined,
    uuid: String(r.uuid),
    token: opt(r.token) as string | undefined,
    expiredTime: r.expired_time === null ? undefined : Number(r.expired_time),
    errorCode: opt(r.error_code) as string | undefined,
    comparisonType: String(r.comparison_type),
    resultStatus: opt(r.result_status) as string | undefined,
    verdict: opt(r.verdict) as HistoryListRow['verdict'],
    branch: String(r.branch),
    desk: String(r.desk),
  };
}

type Queryable = ClientBase | Pool;

async function orderedPage(
  client: Queryable,
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  limit: number,
  cursor?: HistoryCursor,
): Promise<TeamListRow[]> {
  const where = whereOf(filter, scope, nowMs, cursor);
  const res = await client.query(
    `SELECT ${COLUMNS} FROM faceid_team.calls WHERE ${where.sql} ORDER BY started_at DESC, id DESC LIMIT ${limit + 1}`,
    where.values,
  );
  return res.rows.map(listRow);
}

async function cappedCount(client: Queryable, filter: HistoryFilter, scope: TeamScope, nowMs: number): Promise<number> {
  const w = whereOf(filter, scope, nowMs);
  const n = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM faceid_team.calls WHERE ${w.sql} LIMIT ${COUNT_CAP + 1}) AS m`,
    w.values,
  );
  return Number(n.rows[0]?.n ?? 0);
}

/**
 * A fragment search in one statement: the matches (at most the cap, found through the trigram
 * index — no ORDER BY, so the planner cannot prefer walking the time index and filtering a
 * million rows), counted, and the page taken from them. Undefined when more than the cap match,
 * since the newest page is then not among the matches found.
 */
async function fragmentPage(
  client: Queryable,
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  limit: number,
  cursor?: HistoryCursor,
): Promise<{ rows: TeamListRow[]; total: number }> {
  const w = whereOf(filter, scope, nowMs, undefined, false);
  const values = [...w.values, patternOf(filter.text?.trim() ?? '')];
  const pattern = `$${values.length}`;
  let after = 'true';
  if (cursor) {
    values.push(cursor.startedAt, cursor.id);
    after = `(m.started_at, m.id) < ($${values.length - 1}, $${values.length})`;
  }
  // Candidates through the trigram index; every row and the count then pass RLS by id.
  const res = await client.query(
    `WITH f AS MATERIALIZED (SELECT id FROM faceid_team.fragment_matches(${pattern}, ${COUNT_CAP + 1}) AS id),
     m AS MATERIALIZED (SELECT * FROM faceid_team.calls WHERE id IN (SELECT id FROM f) AND ${w.sql})
     SELECT t.total_n, t.candidates, p.* FROM (SELECT (SELECT count(*) FROM m) AS total_n, (SELECT count(*) FROM f) AS candidates) AS t
     LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM m WHERE ${after} ORDER BY m.started_at DESC, m.id DESC LIMIT ${limit + 1}) AS p ON true`,
    values,
  );
  const first = res.rows[0];
  // More candidates than the cap: the newest page and the count are not among those found.
  const total = Number(first?.candidates ?? 0) > COUNT_CAP ? COUNT_CAP + 1 : Number(first?.total_n ?? 0);
  return { rows: res.rows.filter((r) => r.id !== null).map(listRow), total };
}

/** A page of the team list, newest first, in the local store's shape. */
export async function teamQuery(
  client: Queryable,
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  limit: number,
  cursor?: HistoryCursor,
): Promise<Omit<HistoryPage, 'rows'> & { rows: TeamListRow[] }> {
  const size = Math.max(1, Math.floor(limit));
  let rows: TeamListRow[];
  let total: number;
  if (filter.text?.trim()) {
    const found = await fragmentPage(client, filter, scope, nowMs, size, cursor);
    total = found.total;
    rows = total > COUNT_CAP ? await orderedPage(client, filter, scope, nowMs, size, cursor) : found.rows;
  } else {
    rows = await orderedPage(client, filter, scope, nowMs, size, cursor);
    total = await cappedCount(client, filter, scope, nowMs);
  }
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return {
    rows: page,
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    next: rows.length > size && last ? { startedAt: last.startedAt, id: last.id } : undefined,
  };
}

/** One whole team call (what RLS lets the role read), in the local store's row shape. */
export async function teamGet(
  client: Queryable,
  id: number,
): Promise<(HistoryRow & { branch: string; desk: string; globalId: string }) | undefined> {
  const res = await client.query('SELECT * FROM faceid_team.calls WHERE id = $1', [id]);
  const r = res.rows[0] as Record<string, unknown> | undefined;
  if (!r) return undefined;
  // Both ends of the clone trail across desks, as far as RLS lets the role read them.
  const from = r.cloned_from
    ? (await client.query<{ id: string; desk: string }>('SELECT id, desk FROM faceid_team.calls WHERE global_id = $1', [r.cloned_from]))
        .rows[0]
    : undefined;
  const clones = (
    await client.query<{ id: string }>('SELECT id FROM faceid_team.calls WHERE cloned_from = $1 ORDER BY id', [r.global_id])
  ).rows.map((c) => Number(c.id));
  const opt = <T>(x: unknown): T | undefined => (x === null || x === undefined ? undefined : (x as T));
  const num = (x: unknown) => (x === null || x === undefined ? undefined : Number(x));
  return {
    ...listRow(r),
    globalId: String(r.global_id),
    callId: String(r.global_id),
    clones,
    clonedFrom: from ? Number(from.id) : undefined,
    clonedFromDesk: from?.desk,
    finishedAt: num(r.finished_at),
    profileId: String(r.profile_id),
    baseUrl: String(r.base_url),
    operator: String(r.operator),
    params: (r.params ?? {}) as Record<string, string>,
    photos: (r.photos ?? []) as HistoryPhoto[],
    httpStatus: num(r.http_status),
    responseBody: opt<string>(r.response_body),
    requestId: opt<string>(r.request_id),
    timeUsed: num(r.time_used),
    elapsedMs: num(r.elapsed_ms),
    errorField: opt<string>(r.error_field),
    errorMessage: opt<string>(r.error_message),
    result: opt<StoredResult>(r.result),
  };
}
