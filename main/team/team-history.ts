/**
 * The team store answering the history's own query shape (HistoryFilter, cursor, HistoryPage), so
 * the History view and the CLI ask a local or a team store through the same operations. The
 * scope narrows what row-level security already allows: "desk" the connected desk's own calls,
 * "branch" its branch's, "all" everything the role may read (support: every branch). Text search
 * is a fragment (substring, any letter case) over biz_id, biz_no, uuid, token and request_id,
 * served by a pg_trgm GIN index.
 */
import type { ClientBase, Pool, PoolClient } from 'pg';
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
/**
 * A fragment search counts its matches up to here ("2,000+"). Each candidate the trigram index
 * gives is a heap row to read, so the probe costs about one block per match, while the other path
 * (walking the time index until a page of matches is found) costs about N / matches rows: at a
 * million rows the two meet near 2,000, where both stay well under 50 ms. Counting to 10,000, as
 * the unfiltered list does, cost ~120 ms for a three-character fragment.
 */
export const FRAGMENT_COUNT_CAP = 2_000;

/** A list row with where it came from. */
export interface TeamListRow extends HistoryListRow {
  branch: string;
  desk: string;
}

/** LIKE pattern for a fragment, lower-cased as search_text is: its own % _ and \\ are searched for, not obeyed. */
function patternOf(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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
  // search_text is stored lower-cased (schema 4): a plain substring test, no pattern to escape.
  if (text && withText) parts.push(`strpos(search_text, ${v(text.toLowerCase())}) > 0`);
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
  walk = false,
): Promise<TeamListRow[]> {
  const where = whereOf(filter, scope, nowMs, cursor);
  const order = 'ORDER BY started_at DESC, id DESC';
  if (!walk) {
    const sql = `SELECT ${COLUMNS} FROM faceid_team.calls WHERE ${where.sql} ${order} LIMIT ${limit + 1}`;
    return (await client.query(sql, where.values)).rows.map(listRow);
  }
  // The walk names only what the time index holds (started_at, id, and search_text since schema
  // 4), so with nothing but a fragment and a cursor it reads the index alone; the page's rows are
  // then read by id. Other filters or a policy that needs the table make it an ordinary index scan.
  const sql = `WITH p AS MATERIALIZED (SELECT id FROM faceid_team.calls WHERE ${where.sql} ${order} LIMIT ${limit + 1})
    SELECT ${COLUMNS} FROM faceid_team.calls WHERE id IN (SELECT id FROM p) ${order}`;
  // The fragment is known to match many rows (more than the count's cap), which the planner's
  // estimate of a substring pattern does not know: the newest page is then found soonest by
  // walking the time index and filtering, never by a scan and sort of the whole table, nor by the
  // trigram index (which would read every match). Both are switched off for this one statement.
  const pooled: PoolClient | undefined = 'totalCount' in client ? await (client as Pool).connect() : undefined;
  const c = pooled ?? (client as ClientBase);
  try {
    await c.query('BEGIN READ ONLY');
    await c.query('SET LOCAL enable_seqscan = off');
    await c.query('SET LOCAL enable_bitmapscan = off');
    // One walk, stopped at the page: parallel workers would each walk their own share past it.
    await c.query('SET LOCAL max_parallel_workers_per_gather = 0');
    const res = await c.query(sql, where.values);
    await c.query('COMMIT');
    return res.rows.map(listRow);
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    pooled?.release();
  }
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
 * million rows), counted, and the page taken from them. When more than the cap match, the rows
 * are not fetched again (the newest page is then not among those found; the caller walks the
 * time index instead) unless other filters need them for an honest lower bound.
 */
async function fragmentPage(
  client: Queryable,
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  limit: number,
  cursor?: HistoryCursor,
): Promise<{ rows: TeamListRow[]; total: number; overCap: boolean }> {
  const w = whereOf(filter, scope, nowMs, undefined, false);
  const values = [...w.values, patternOf(filter.text?.trim() ?? '')];
  const pattern = `$${values.length}`;
  let after = 'true';
  if (cursor) {
    values.push(cursor.startedAt, cursor.id);
    after = `(m.started_at, m.id) < ($${values.length - 1}, $${values.length})`;
  }
  // The candidates are what the role may read: anything narrower (a scope, another filter) makes
  // the count over the cap that of the candidates passing it.
  const filtered = scope !== 'all' || Object.entries(filter).some(([k, v]) => k !== 'text' && k !== 'scope' && v !== undefined && v !== '');
  const fetchOverCap = filtered ? 'true' : `(SELECT count(*) FROM f) <= ${FRAGMENT_COUNT_CAP}`;
  // Candidates through the trigram index; every row and the count then pass RLS by id.
  const res = await client.query(
    `WITH f AS MATERIALIZED (SELECT id FROM faceid_team.fragment_matches(${pattern}, ${FRAGMENT_COUNT_CAP + 1}) AS id),
     m AS MATERIALIZED (SELECT * FROM faceid_team.calls WHERE ${fetchOverCap} AND id IN (SELECT id FROM f) AND ${w.sql})
     SELECT t.total_n, t.candidates, p.* FROM (SELECT (SELECT count(*) FROM m) AS total_n, (SELECT count(*) FROM f) AS candidates) AS t
     LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM m WHERE ${after} ORDER BY m.started_at DESC, m.id DESC LIMIT ${limit + 1}) AS p ON true`,
    values,
  );
  const first = res.rows[0];
  const overCap = Number(first?.candidates ?? 0) > FRAGMENT_COUNT_CAP;
  // Over the cap: the cap itself when nothing else filters (every candidate is a match in scope),
  // else what passed the filters among the candidates read — both are lower bounds.
  const total = overCap && !filtered ? FRAGMENT_COUNT_CAP : Number(first?.total_n ?? 0);
  return { rows: res.rows.filter((r) => r.id !== null).map(listRow), total, overCap };
}

/**
 * How many of the newest readable rows the walk beside the probe reads (index only: about 10 ms
 * at a million rows). A fragment over the count's cap matches at least one row in N / cap, so
 * the page is usually among them; when it is not, the full walk follows.
 */
export const WALK_WINDOW = 32_768;

/**
 * The newest page among the WALK_WINDOW newest rows the filters and the role let through (after
 * the cursor), or undefined when fewer than a page and one match are there. The window names no
 * fragment, so its plan is the time index's; the fragment is tested on the rows streaming out.
 */
async function windowPage(
  client: Queryable,
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  limit: number,
  cursor: HistoryCursor | undefined,
  window: number,
): Promise<TeamListRow[] | undefined> {
  const w = whereOf(filter, scope, nowMs, cursor, false);
  const values = [...w.values, (filter.text ?? '').trim().toLowerCase()];
  const order = 'ORDER BY started_at DESC, id DESC';
  const res = await client.query(
    `WITH p AS MATERIALIZED (
       SELECT id FROM (SELECT id, started_at, search_text FROM faceid_team.calls WHERE ${w.sql} ${order} LIMIT ${window}) AS w
       WHERE strpos(w.search_text, $${values.length}) > 0 ${order} LIMIT ${limit + 1})
     SELECT ${COLUMNS} FROM faceid_team.calls WHERE id IN (SELECT id FROM p) ${order}`,
    values,
  );
  return res.rows.length > limit ? res.rows.map(listRow) : undefined;
}

const isPool = (client: Queryable): client is Pool => 'totalCount' in client;

/** A page of the team list, newest first, in the local store's shape. */
export async function teamQuery(
  client: Queryable,
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  limit: number,
  cursor?: HistoryCursor,
  options: { walkWindow?: number } = {},
): Promise<Omit<HistoryPage, 'rows'> & { rows: TeamListRow[] }> {
  const size = Math.max(1, Math.floor(limit));
  const walkWindow = options.walkWindow ?? WALK_WINDOW;
  let rows: TeamListRow[];
  let total: number;
  let capped: boolean;
  if (filter.text?.trim()) {
    // On a pool (the console's), the newest rows are walked while the trigram probe counts: a
    // fragment over the cap then costs the slower of the two, not both. A single connection (the
    // CLI's) asks in turn, walking only when the probe says the fragment is over the cap.
    const window = isPool(client) ? windowPage(client, filter, scope, nowMs, size, cursor, walkWindow) : undefined;
    let found: Awaited<ReturnType<typeof fragmentPage>>;
    let early: TeamListRow[] | undefined;
    try {
      found = await fragmentPage(client, filter, scope, nowMs, size, cursor);
    } finally {
      // Settled either way, so no connection is left busy behind an answer.
      early = window ? await window.catch(() => undefined) : undefined;
    }
    rows = found.overCap ? (early ?? (await orderedPage(client, filter, scope, nowMs, size, cursor, true))) : found.rows;
    // Over the cap, a lower bound: at least the rows just found (a next page means one more) —
    // unless the walk from the newest found them all, which is then the exact count.
    const exhausted = found.overCap && !cursor && rows.length <= size;
    total =
      found.overCap && !exhausted
        ? Math.min(FRAGMENT_COUNT_CAP, Math.max(found.total, rows.length))
        : exhausted
          ? rows.length
          : found.total;
    capped = found.overCap && !exhausted;
  } else {
    rows = await orderedPage(client, filter, scope, nowMs, size, cursor);
    const n = await cappedCount(client, filter, scope, nowMs);
    total = Math.min(n, COUNT_CAP);
    capped = n > COUNT_CAP;
  }
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return {
    rows: page,
    total,
    totalCapped: capped,
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
    // Recorded on the row when it was published (schema 3), else looked up where RLS allows.
    clonedFromDesk: opt<string>(r.cloned_from_desk) ?? from?.desk,
    clonedFromBranch: opt<string>(r.cloned_from_branch),
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
