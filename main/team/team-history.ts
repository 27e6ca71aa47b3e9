/**
 * The team store answering the history's own query shape (HistoryFilter, cursor, HistoryPage), so
 * the History view and the CLI ask a local or a team store through the same operations. The
 * scope narrows what row-level security already allows: "desk" the connected desk's own calls,
 * "branch" its branch's, "all" everything the role may read (support: every branch). Text search
 * is the desk's: every word a fragment (substring, any letter case) of the ids, error code and
 * field, profile and operator (search_text, schema 4), served by a pg_trgm GIN index and the time
 * indexes (see teamQuery).
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

/**
 * Which conditions a where clause holds: all of them; only those a time index answers (the scope,
 * the dates and the cursor: what a search's window of newest rows is read by); or only the rest,
 * which need the table's row (status, verdict, profile, customer and the like).
 */
type Part = 'all' | 'window' | 'rest';

function whereOf(
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  cursor?: HistoryCursor,
  withText = true,
  part: Part = 'all',
  values: unknown[] = [],
): { sql: string; values: unknown[] } {
  const parts: string[] = [];
  const v = (x: unknown) => {
    values.push(x);
    return `$${values.length}`;
  };
  const windowed = part !== 'rest';
  const rest = part !== 'window';
  if (windowed && scope === 'desk') parts.push('desk = (SELECT faceid_team.my_desk())');
  if (windowed && scope === 'branch') parts.push('branch = (SELECT faceid_team.my_branch())');
  const words = withText && rest ? wordsOf(filter.text) : undefined;
  if (words) parts.push(wordsTest(words, v));
  if (rest && filter.profileId) parts.push(`profile_id = ${v(filter.profileId)}`);
  if (rest && filter.status) {
    const nowS = Math.floor(nowMs / 1000);
    if (filter.status === 'issued') parts.push(`status = 'issued' AND expired_time > ${v(nowS)}`);
    else if (filter.status === 'expired') parts.push(`status = 'issued' AND expired_time <= ${v(nowS)}`);
    else parts.push(`status = ${v(filter.status)}`);
  }
  if (windowed && filter.from !== undefined) parts.push(`started_at >= ${v(filter.from)}`);
  if (windowed && filter.to !== undefined) parts.push(`started_at < ${v(filter.to)}`);
  if (rest && filter.comparisonType) parts.push(`comparison_type = ${v(filter.comparisonType)}`);
  // The customer view and the verdict column, as in the desk's own history.
  if (rest && filter.uuid) parts.push(`uuid = ${v(filter.uuid)}`);
  if (rest && filter.bizNoPrefix) parts.push(`biz_no LIKE ${v(`${escapeLike(filter.bizNoPrefix)}%`)}`);
  if (rest && filter.verdict === 'not-fetched') parts.push("status = 'issued' AND verdict IS NULL");
  else if (rest && filter.verdict) parts.push(`verdict = ${v(filter.verdict)}`);
  if (windowed && cursor) parts.push(`(started_at, id) < (${v(cursor.startedAt)}, ${v(cursor.id)})`);
  return { sql: parts.length > 0 ? parts.join(' AND ') : 'true', values };
}

/** The columns the conditions of whereOf's "rest" read, for a window to hand them on. */
const REST_COLUMNS = 'status, expired_time, profile_id, comparison_type, uuid, biz_no, verdict';

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
 * With another condition than the words (a scope, a status, a verdict, dates…), the trigram
 * index's candidates are read up to here, each fetched and tested, so that a fragment a few
 * thousand rows share gets its exact page and count however rare the condition makes its matches
 * (a customer's failed calls): 5,000 candidates cost ~35 ms at a million rows, where walking the
 * time index for 50 matches one row in 5,000 holds reads every row. Without one, every candidate
 * is a match and the count's own cap is enough.
 */
export const FILTERED_CANDIDATE_CAP = 5_000;

/** What the trigram index said. */
interface Probe {
  rows: TeamListRow[];
  /** Matches counted (at most FRAGMENT_COUNT_CAP). */
  total: number;
  /** More may match than `total`. */
  capped: boolean;
  /** More candidates than were read: the page is not among `rows`; the time index must find it. */
  overCap: boolean;
}

/** The filter's keys that hold a condition (an empty field is none). */
const conditions = (filter: HistoryFilter) =>
  Object.entries(filter)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k]) => k);

/** Whether anything narrows a search beyond its words and what the role may read. */
const narrowed = (filter: HistoryFilter, scope: TeamScope) =>
  scope !== 'all' || conditions(filter).some((k) => k !== 'text' && k !== 'scope');

/**
 * A fragment search in one statement: the matches (at most the cap, found through the trigram
 * index — no ORDER BY, so the planner cannot prefer walking the time index and filtering a
 * million rows), counted, and the page taken from them. When more than the cap match, the rows
 * are not fetched again (the newest page is then not among those found; the caller walks the
 * time index instead) unless other conditions need them for an honest lower bound.
 */
async function fragmentPage(
  client: Queryable,
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  limit: number,
  cursor: HistoryCursor | undefined,
  filteredCap: number,
): Promise<Probe> {
  const w = whereOf(filter, scope, nowMs, undefined, false);
  const words = wordsOf(filter.text) ?? { long: [], short: [] };
  const values = [...w.values, words.long.map((x) => `%${escapeLike(x)}%`), words.short.map((x) => `${escapeLike(x)}%`)];
  const patterns = `$${values.length - 1}::text[], $${values.length}::text[]`;
  let after = 'true';
  if (cursor) {
    values.push(cursor.startedAt, cursor.id);
    after = `(m.started_at, m.id) < ($${values.length - 1}, $${values.length})`;
  }
  // The candidates are what the role may read: anything narrower (a scope, another condition)
  // needs each one tested, and the count over the cap is that of the candidates passing.
  const filtered = narrowed(filter, scope);
  const cap = filtered ? Math.max(FRAGMENT_COUNT_CAP, filteredCap) : FRAGMENT_COUNT_CAP;
  const fetchOverCap = filtered ? 'true' : `(SELECT count(*) FROM f) <= ${cap}`;
  // Candidates through the trigram index; every row and the count then pass RLS by id.
  const res = await client.query(
    `WITH f AS MATERIALIZED (SELECT id FROM faceid_team.fragment_words(${patterns}, ${cap + 1}) AS id),
     m AS MATERIALIZED (SELECT ${COLUMNS} FROM faceid_team.calls WHERE ${fetchOverCap} AND id IN (SELECT id FROM f) AND ${w.sql})
     SELECT t.total_n, t.candidates, p.* FROM (SELECT (SELECT count(*) FROM m) AS total_n, (SELECT count(*) FROM f) AS candidates) AS t
     LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM m WHERE ${after} ORDER BY m.started_at DESC, m.id DESC LIMIT ${limit + 1}) AS p ON true`,
    values,
  );
  const first = res.rows[0];
  const overCap = Number(first?.candidates ?? 0) > cap;
  const matched = Number(first?.total_n ?? 0);
  // Over the cap: the cap itself when nothing else narrows (every candidate is a match in scope),
  // else what passed among the candidates read — both lower bounds; the count shows to its cap.
  const total = overCap && !filtered ? FRAGMENT_COUNT_CAP : Math.min(matched, FRAGMENT_COUNT_CAP);
  return { rows: res.rows.filter((r) => r.id !== null).map(listRow), total, overCap, capped: overCap || matched > FRAGMENT_COUNT_CAP };
}

/**
 * How many of the newest rows a search reads from a time index, with a substring test each and,
 * where a condition needs it, the table's row: about 10 ms from the index alone. Over the cap, a
 * page of 50 is among them when one row in 650 matches, which is what 2,000 matches in 1.3
 * million rows are.
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
 * The newest `window` rows of the scope (after the cursor, within the dates), read from its time
 * index: the window names no word and no other condition, so its plan is the time index's and it
 * costs `window` rows whatever they hold. The words and the other conditions are tested on the
 * rows streaming out of it, and the stream stops at the cap: a fragment in every row costs a few
 * thousand index entries, a rare one the whole window. Bounding the rows read, not the rows
 * passing the conditions, is what keeps a rare condition (one call in ten) from making the
 * window ten times longer.
 */
async function windowScan(
  client: Queryable,
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  limit: number,
  window: number,
  cursor: HistoryCursor | undefined,
): Promise<Window> {
  const values: unknown[] = [];
  const inner = whereOf(filter, scope, nowMs, cursor, false, 'window', values);
  const rest = whereOf(filter, scope, nowMs, undefined, false, 'rest', values);
  const v = (x: unknown) => {
    values.push(x);
    return `$${values.length}`;
  };
  const test = wordsTest(wordsOf(filter.text) ?? { long: [], short: [] }, v, 'search_text');
  const order = 'ORDER BY started_at DESC, id DESC';
  // Only what the time index holds, when nothing else is tested: the window is then index-only.
  const columns = `id, started_at, search_text${rest.sql === 'true' ? '' : `, ${REST_COLUMNS}`}`;
  const res = await client.query(
    `WITH m AS MATERIALIZED (
       SELECT id, started_at FROM (SELECT ${columns} FROM faceid_team.calls WHERE ${inner.sql} ${order} LIMIT ${window}) AS x
       WHERE ${test} AND ${rest.sql} LIMIT ${FRAGMENT_COUNT_CAP + 1})
     SELECT t.matches, p.* FROM (SELECT count(*) AS matches FROM m) AS t
     LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM faceid_team.calls
       WHERE id IN (SELECT id FROM m ${order} LIMIT ${limit + 1}) ${order}) AS p ON true`,
    values,
  );
  return { matches: Number(res.rows[0]?.matches ?? 0), rows: res.rows.filter((r) => r.id !== null).map(listRow) };
}

/**
 * The window's last row, where a walk goes on from, or undefined when the scope holds fewer rows
 * than the window (it then saw them all). Asked apart: numbering the window's rows as they stream
 * costs twice this.
 */
async function windowEnd(
  client: Queryable,
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  window: number,
  cursor: HistoryCursor | undefined,
): Promise<HistoryCursor | undefined> {
  const w = whereOf(filter, scope, nowMs, cursor, false, 'window');
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

type Found = { rows: TeamListRow[]; total: number; capped: boolean };

/**
 * The trigram index's count (and page, under the cap). Over it, the page is the window's when it
 * holds one, else the window's matches and the time index walked on from the window's end (from
 * the newest, or the cursor, when there was no window).
 */
async function fromProbe(
  probe: Probe,
  window: (Window & { end: HistoryCursor }) | undefined,
  walk: (after: HistoryCursor | undefined, limit: number) => Promise<TeamListRow[]>,
  size: number,
  cursor: HistoryCursor | undefined,
): Promise<Found> {
  if (!probe.overCap) return { rows: probe.rows, total: probe.total, capped: probe.capped };
  const seen = window?.rows ?? [];
  const rows = seen.length > size ? seen : [...seen, ...(await walk(window ? window.end : cursor, size - seen.length))];
  // A lower bound: at least the rows just found (a next page means one more) — unless the walk
  // from the newest found them all, which is then the exact count.
  if (!cursor && rows.length <= size) return { rows, total: rows.length, capped: false };
  return { rows, total: Math.min(FRAGMENT_COUNT_CAP, Math.max(probe.total, rows.length)), capped: true };
}

/** How a search is tuned (tests make the window and the filtered cap small). */
interface Tuning {
  walkWindow: number;
  filteredCap: number;
}

/** The arguments every search strategy takes. */
interface Ask {
  filter: HistoryFilter;
  scope: TeamScope;
  nowMs: number;
  size: number;
  cursor: HistoryCursor | undefined;
  tuning: Tuning;
}

const walkOn = (client: Queryable, ask: Ask) => (after: HistoryCursor | undefined, n: number) =>
  orderedPage(client, ask.filter, ask.scope, ask.nowMs, n, after, true);

// Without a window to race it ("this desk"), a fragment in every row would make the index read
// every one of the filtered cap's candidates: the count's cap then, as before the window.
const probeOf = (client: Queryable, ask: Ask) =>
  fragmentPage(client, ask.filter, ask.scope, ask.nowMs, ask.size, ask.cursor, windowed(ask) ? ask.tuning.filteredCap : FRAGMENT_COUNT_CAP);

/** What the newest rows gave: the answer, or what the trigram index's answer goes on from. */
type Newest = { alone: Found; seen?: undefined } | { alone?: undefined; seen: Window & { end: HistoryCursor } };

/**
 * The window, and whether it answers alone: more than the cap match in it ("2,000+"), or it held
 * every row the search may see (the exact count). On a next page (a cursor) a page in it is
 * enough, and the count is a lower bound (the History view keeps the first page's), as is that of
 * the rows left after the cursor. Else its matches and where a walk would go on from. Undefined
 * once `stop` is set (nobody reads it then): it asks no more.
 */
async function windowOf(client: Queryable, ask: Ask, stop = { now: false }): Promise<Newest | undefined> {
  const { filter, scope, nowMs, size, cursor, tuning } = ask;
  const window = await windowScan(client, filter, scope, nowMs, size, tuning.walkWindow, cursor);
  if (window.matches > FRAGMENT_COUNT_CAP) return { alone: { rows: window.rows, total: FRAGMENT_COUNT_CAP, capped: true } };
  if (stop.now) return undefined;
  const end = await windowEnd(client, filter, scope, nowMs, tuning.walkWindow, cursor);
  if (!end) return { alone: { rows: window.rows, total: window.matches, capped: cursor !== undefined } };
  if (cursor && window.rows.length > size) return { alone: { rows: window.rows, total: window.matches, capped: true } };
  return { seen: { ...window, end } };
}

/**
 * Whether a search reads a window of newest rows at all. Not for "this desk" under a desk's RLS,
 * which filters on the desk and the branch: no time index holds both, and the planner, taking
 * them for independent, expects a few rows where a desk has a twentieth of the table and reads
 * every one of them to sort (0.5 s at a million rows). The trigram index and the walk answer it.
 */
const windowed = (ask: Ask) => ask.scope !== 'desk';

/**
 * Whether the window can be read from an index alone: besides the words, only dates and the
 * scope and RLS (a branch's time index) — and no cursor, after which the trigram index is as
 * likely to answer first. On one connection the window is then asked first, else the index.
 */
const indexOnly = (ask: Ask) =>
  windowed(ask) && !ask.cursor && conditions(ask.filter).every((k) => k === 'text' || k === 'scope' || k === 'from' || k === 'to');

/** On one connection (the CLI's, a test's): the window and the trigram index in turn, the likelier first. */
async function search(client: ClientBase, ask: Ask): Promise<Found> {
  const walk = walkOn(client, ask);
  if (!indexOnly(ask)) {
    const probe = await probeOf(client, ask);
    if (!probe.overCap || !windowed(ask)) return fromProbe(probe, undefined, walk, ask.size, ask.cursor);
    const newest = await windowOf(client, ask);
    return newest?.alone ?? fromProbe(probe, newest?.seen, walk, ask.size, ask.cursor);
  }
  const newest = await windowOf(client, ask);
  return newest?.alone ?? fromProbe(await probeOf(client, ask), newest?.seen, walk, ask.size, ask.cursor);
}

/**
 * Statements running on a held connection, which the other connection can cancel. `stop` is set
 * before the cancel, for work of several statements to ask no more once the one running ends.
 */
function running<T>(client: PoolClient, work: Promise<T>, stop: { now: boolean } = { now: false }) {
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
      stop.now = true;
      const pid = (client as unknown as { processID?: number | null }).processID;
      if (!done && pid) await other.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => {});
      await settled;
    },
  };
}

/**
 * On the console's pool: the window and the trigram index at once, on two connections, so a
 * search costs the quicker of the two when that one answers alone (the index, under its cap; the
 * window, over the cap in it or, on a next page, with a page in it), else the slower, never both
 * in turn. The statement no longer needed is cancelled.
 */
async function searchOnPool(pool: Pool, ask: Ask): Promise<Found> {
  const a = await pool.connect();
  let b: PoolClient | undefined;
  let probe: ReturnType<typeof running<Probe>> | undefined;
  let newest: ReturnType<typeof running<Newest | undefined>> | undefined;
  try {
    if (!spare(pool) || !windowed(ask)) return await search(a, ask);
    b = await pool.connect();
    probe = running(b, probeOf(b, ask));
    const stop = { now: false };
    newest = running(a, windowOf(a, ask, stop), stop);
    const walk = walkOn(a, ask);
    const first = await Promise.race([probe.settled.then(() => 'index' as const), newest.settled.then(() => 'window' as const)]);
    if (first === 'index') {
      const counted = await probe.work;
      if (!counted.overCap) {
        await newest.cancelFrom(b);
        return await fromProbe(counted, undefined, walk, ask.size, ask.cursor);
      }
    }
    const answer = await newest.work;
    if (answer?.alone) {
      await probe.cancelFrom(a);
      return answer.alone;
    }
    return await fromProbe(await probe.work, answer?.seen, walk, ask.size, ask.cursor);
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
 * the window's end. The same holds for a next page (the window starts after the cursor, and a page
 * in it answers alone) and for conditions no time index holds (status, verdict, profile…: tested
 * on the window's rows; the trigram index then reads up to FILTERED_CANDIDATE_CAP candidates).
 * A next page's count is a lower bound: the first page's is the search's.
 */
export async function teamQuery(
  client: Queryable,
  filter: HistoryFilter,
  scope: TeamScope,
  nowMs: number,
  limit: number,
  cursor?: HistoryCursor,
  options: Partial<Tuning> = {},
): Promise<Omit<HistoryPage, 'rows'> & { rows: TeamListRow[] }> {
  const size = Math.max(1, Math.floor(limit));
  const tuning = { walkWindow: options.walkWindow ?? WALK_WINDOW, filteredCap: options.filteredCap ?? FILTERED_CANDIDATE_CAP };
  let rows: TeamListRow[];
  let total: number;
  let capped: boolean;
  if (wordsOf(filter.text)) {
    const ask: Ask = { filter, scope, nowMs, size, cursor, tuning };
    const found = isPool(client) ? await searchOnPool(client, ask) : await search(client, ask);
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
