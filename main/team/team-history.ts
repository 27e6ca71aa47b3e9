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
import { SEARCH_MIN_FRAGMENT } from '../../core/history';

export type TeamScope = 'desk' | 'branch' | 'all';

/** Filtered counts stop here, as in the local store. */
const COUNT_CAP = 10_000;
/**
 * A search counts its matches up to here ("2,000+"). Each candidate the trigram index gives is a
 * heap row to read, so its count costs about one block per match, while walking the time index
 * until a page of matches is found costs about N / matches rows: at a million rows the two meet
 * near 2,000. Counting to 10,000, as the unfiltered list does, cost ~120 ms for a three-character
 * fragment.
 */
export const FRAGMENT_COUNT_CAP = 2_000;

/** A list row with where it came from. */
export interface TeamListRow extends HistoryListRow {
  branch: string;
  desk: string;
}

/** LIKE's own % _ and \\ in a word are searched for, not obeyed. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The words of a search, lower-cased as search_text is (schema 4), as in the desk's own history:
 * every word must match; one of three characters or more anywhere in an id, a shorter one (too
 * short for trigrams) at the start of an id.
 */
interface Words {
  long: string[];
  short: string[];
}

function wordsOf(text: string | undefined): Words | undefined {
  const words = (text ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  return {
    long: words.filter((w) => [...w].length >= SEARCH_MIN_FRAGMENT),
    short: words.filter((w) => [...w].length < SEARCH_MIN_FRAGMENT),
  };
}

/** The words as a test of one row's search_text (plain substring tests, no pattern to escape). */
function wordsTest(words: Words, v: (x: unknown) => string, column = 'search_text'): string {
  return [
    ...words.long.map((w) => `strpos(${column}, ${v(w)}) > 0`),
    // The ids are joined by spaces: an id starts the text or follows a space.
    ...words.short.map((w) => `strpos(' ' || ${column}, ${v(` ${w}`)}) > 0`),
  ].join(' AND ');
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
  const words = withText ? wordsOf(filter.text) : undefined;
  if (words) parts.push(wordsTest(words, v));
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
  const words = wordsOf(filter.text) ?? { long: [], short: [] };
  const values = [...w.values, words.long.map((x) => `%${escapeLike(x)}%`), words.short.map((x) => `${escapeLike(x)}%`)];
  const patterns = `$${values.length - 1}::text[], $${values.length}::text[]`;
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
    `WITH f AS MATERIALIZED (SELECT id FROM faceid_team.fragment_words(${patterns}, ${FRAGMENT_COUNT_CAP + 1}) AS id),
     m AS MATERIALIZED (SELECT ${COLUMNS} FROM faceid_team.calls WHERE ${fetchOverCap} AND id IN (SELECT id FROM f) AND ${w.sql})
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
 * How many of the newest readable rows a search reads from a time index (with a substring test
 * each, no table row read): about 10 ms. Over the cap, a page of 50 is among them when one row
 * in 650 matches, which is what 2,000 matches in 1.3 million rows are.
 */
export const WALK_WINDOW = 32_768;

/** What the newest rows said about the words. */
interface Window {
  /** How many of them match, counted to the cap and one more. */
  matches: number;
  /** The newest page (and one more) of those. */
  rows: TeamListRow[];
}

/**
 * The newest rows the filters and the role let through, at most `window`. The window itself
 * names no word, so its plan is the time index's; the words are tested on the rows streaming out
 * of it, and the stream stops at the cap: a fragment in every row costs a few thousand index
 * entries, a rare one the whole window.
 */
async function windowScan(
  client: Queryable,
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  limit: number,
  window: number,
): Promise<Window> {
  const w = whereOf(filter, scope, nowMs, undefined, false);
  const values = [...w.values];
  const v = (x: unknown) => {
    values.push(x);
    return `$${values.length}`;
  };
  const test = wordsTest(wordsOf(filter.text) ?? { long: [], short: [] }, v, 'x.search_text');
  const order = 'ORDER BY started_at DESC, id DESC';
  const res = await client.query(
    `WITH m AS MATERIALIZED (
       SELECT id, started_at FROM (SELECT id, started_at, search_text FROM faceid_team.calls WHERE ${w.sql} ${order} LIMIT ${window}) AS x
       WHERE ${test} LIMIT ${FRAGMENT_COUNT_CAP + 1})
     SELECT t.matches, p.* FROM (SELECT count(*) AS matches FROM m) AS t
     LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM faceid_team.calls
       WHERE id IN (SELECT id FROM m ${order} LIMIT ${limit + 1}) ${order}) AS p ON true`,
    values,
  );
  return { matches: Number(res.rows[0]?.matches ?? 0), rows: res.rows.filter((r) => r.id !== null).map(listRow) };
}

/**
 * The window's last row, where a walk goes on from, or undefined when the search may see fewer
 * rows than the window holds (it then saw them all). Asked apart: numbering the window's rows as
 * they stream costs twice this.
 */
async function windowEnd(
  client: Queryable,
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  window: number,
): Promise<HistoryCursor | undefined> {
  const w = whereOf(filter, scope, nowMs, undefined, false);
  const res = await client.query<{ started_at: string; id: string }>(
    `SELECT started_at, id FROM faceid_team.calls WHERE ${w.sql} ORDER BY started_at DESC, id DESC OFFSET ${window - 1} LIMIT 1`,
    w.values,
  );
  const r = res.rows[0];
  return r ? { startedAt: Number(r.started_at), id: Number(r.id) } : undefined;
}

const isPool = (client: Queryable): client is Pool => 'totalCount' in client;

/**
 * Whether the pool has a connection for the trigram index beside the one a search holds, now, with
 * nobody waiting: a search never waits for a second connection while holding one (two searches
 * doing so on a pool of two would wait for each other for ever).
 */
const spare = (pool: Pool) => pool.waitingCount === 0 && (pool.idleCount > 0 || pool.totalCount < (pool.options.max ?? 10));

/**
 * Whether the window can be read from an index alone: besides the words, only dates and the
 * cursor (in every time index), the scope and RLS (a branch's or a desk's time index). Any other
 * filter needs the table's rows, where a fixed window costs more than it saves.
 */
const indexOnly = (filter: HistoryFilter, scope: TeamScope) =>
  // "This desk" under a desk's RLS filters on the desk and the branch: no time index holds both.
  scope !== 'desk' &&
  Object.entries(filter).every(([k, v]) => v === undefined || v === '' || k === 'text' || k === 'scope' || k === 'from' || k === 'to');

type Found = { rows: TeamListRow[]; total: number; capped: boolean };

/** More than the cap match among the newest rows: they answer alone ("2,000+"). */
const overCapIn = (window: Window): Found | undefined =>
  window.matches > FRAGMENT_COUNT_CAP ? { rows: window.rows, total: FRAGMENT_COUNT_CAP, capped: true } : undefined;

/** The window held every row the search may see: the exact count. */
const allIn = (window: Window): Found => ({ rows: window.rows, total: window.matches, capped: false });

/**
 * The trigram index's count (and page, under the cap). Over it, the page is the window's when it
 * holds one, else the window's matches and the time index walked on from the window's end (from
 * the newest, or the cursor, when there was no window).
 */
async function fromProbe(
  probe: Awaited<ReturnType<typeof fragmentPage>>,
  window: (Window & { end: HistoryCursor }) | undefined,
  walk: (after: HistoryCursor | undefined, limit: number) => Promise<TeamListRow[]>,
  size: number,
  cursor: HistoryCursor | undefined,
): Promise<Found> {
  let rows = probe.rows;
  if (probe.overCap) {
    const seen = window?.rows ?? [];
    rows = seen.length > size ? seen : [...seen, ...(await walk(window ? window.end : cursor, size - seen.length))];
  }
  // Over the cap, a lower bound: at least the rows just found (a next page means one more) —
  // unless the walk from the newest found them all, which is then the exact count.
  const exhausted = probe.overCap && !cursor && rows.length <= size;
  const total =
    probe.overCap && !exhausted ? Math.min(FRAGMENT_COUNT_CAP, Math.max(probe.total, rows.length)) : exhausted ? rows.length : probe.total;
  return { rows, total, capped: probe.overCap && !exhausted };
}

/** On one connection (the CLI's, a test's): the window, then the trigram index when it must. */
async function search(
  client: Queryable,
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  size: number,
  cursor: HistoryCursor | undefined,
  walkWindow: number,
): Promise<Found> {
  const walk = (after: HistoryCursor | undefined, n: number) => orderedPage(client, filter, scope, nowMs, n, after, true);
  if (cursor || !indexOnly(filter, scope))
    return fromProbe(await fragmentPage(client, filter, scope, nowMs, size, cursor), undefined, walk, size, cursor);
  const window = await windowScan(client, filter, scope, nowMs, size, walkWindow);
  const over = overCapIn(window);
  if (over) return over;
  const end = await windowEnd(client, filter, scope, nowMs, walkWindow);
  if (!end) return allIn(window);
  return fromProbe(await fragmentPage(client, filter, scope, nowMs, size), { ...window, end }, walk, size, cursor);
}

/** A statement running on a held connection, which the other connection can cancel. */
function running<T>(client: PoolClient, work: Promise<T>) {
  let done = false;
  const settled = work.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  return {
    work,
    settled,
    /**
     * Cancels it from `other` if it still runs, and waits until it has ended. A cancel that
     * arrives once the statement is over finds the backend idle, where PostgreSQL ignores it;
     * the connection is not given back before, so it cannot hit anyone else's statement.
     */
    async cancelFrom(other: ClientBase): Promise<void> {
      const pid = (client as unknown as { processID?: number | null }).processID;
      if (!done && pid) await other.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => {});
      await settled;
    },
  };
}

/**
 * On the console's pool: the window and the trigram index at once, on two connections, so a
 * search costs the quicker of the two when that one answers alone (the index, for a fragment
 * under the cap; the window, for one over the cap in it), else the slower, never both in turn.
 * The statement no longer needed is cancelled.
 */
async function searchOnPool(
  pool: Pool,
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  size: number,
  cursor: HistoryCursor | undefined,
  walkWindow: number,
): Promise<Found> {
  if (cursor || !indexOnly(filter, scope)) return search(pool, filter, scope, nowMs, size, cursor, walkWindow);
  const a = await pool.connect();
  let b: PoolClient | undefined;
  let probe: ReturnType<typeof running<Awaited<ReturnType<typeof fragmentPage>>>> | undefined;
  let newest: ReturnType<typeof running<{ window: Window; over?: Found; end?: HistoryCursor }>> | undefined;
  try {
    if (!spare(pool)) return await search(a, filter, scope, nowMs, size, cursor, walkWindow);
    b = await pool.connect();
    probe = running(b, fragmentPage(b, filter, scope, nowMs, size));
    newest = running(
      a,
      (async () => {
        const window = await windowScan(a, filter, scope, nowMs, size, walkWindow);
        const over = overCapIn(window);
        // Where a walk would go on from, asked while the trigram index is still counting.
        return { window, over, end: over ? undefined : await windowEnd(a, filter, scope, nowMs, walkWindow) };
      })(),
    );
    const walk = (after: HistoryCursor | undefined, n: number) => orderedPage(a, filter, scope, nowMs, n, after, true);
    const first = await Promise.race([probe.settled.then(() => 'index' as const), newest.settled.then(() => 'window' as const)]);
    if (first === 'index') {
      const counted = await probe.work;
      if (!counted.overCap) {
        await newest.cancelFrom(b);
        return await fromProbe(counted, undefined, walk, size, cursor);
      }
    }
    const { window, over, end } = await newest.work;
    if (over || !end) {
      await probe.cancelFrom(a);
      return over ?? allIn(window);
    }
    return await fromProbe(await probe.work, { ...window, end }, walk, size, cursor);
  } finally {
    // Both statements have ended (answered, failed or cancelled) before their connections go back.
    await probe?.settled;
    await newest?.settled;
    b?.release();
    a.release();
  }
}

/**
 * A page of the team list, newest first, in the local store's shape.
 *
 * A search reads the newest WALK_WINDOW rows from a time index (the window) and asks the trigram
 * index for the count. The window answers alone when more than the cap match in it, or when it
 * held every row (a fragment in every row, as "LO" on its way to "LOAN-…", costs the window alone:
 * the trigram index would read every row); the index answers alone when the cap is not reached.
 * Over the cap, the page is the window's when it holds one, else the time index is walked on from
 * the window's end. A next page (a cursor), or a filter no time index holds, asks the trigram
 * index first and walks from the cursor.
 */
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
  if (wordsOf(filter.text)) {
    const found = isPool(client)
      ? await searchOnPool(client, filter, scope, nowMs, size, cursor, walkWindow)
      : await search(client, filter, scope, nowMs, size, cursor, walkWindow);
    rows = found.rows;
    total = found.total;
    capped = found.capped;
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
