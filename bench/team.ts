/**
 * Team-history benchmark on a private PostgreSQL cluster: 1,000,000 generated calls across 20
 * branches (generate_series, then the trigram index built once), and the median time of the team
 * query (page + capped count, as the History view asks it) for a fragment search, as support
 * (every branch) and as a desk (its branch, through row-level security).
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrateTeam } from '../main/team/migrate';
import { TEAM_QUERY_POOL } from '../main/team/service';
import type { HistoryFilter } from '../core/history';
import { teamQuery, type TeamScope } from '../main/team/team-history';
import { pgUnavailable, startCluster } from '../test/support/pg-cluster';

export interface TeamFigures {
  rows: number;
  generate_s: number;
  /** Of which: inserting the rows, and building the indexes and keys. */
  generate_rows_s: number;
  generate_indexes_s: number;
  /** The 1-minute load average when the searches began (the machine is shared). */
  load_average: number;
  search_rare_fragment_ms: number;
  search_token_fragment_ms: number;
  search_common_fragment_ms: number;
  search_three_char_fragment_ms: number;
  search_middle_fragment_ms: number;
  /** A fragment every row holds (a prefix all biz_no share, "LO" on its way to "LOAN-"). */
  search_every_row_fragment_ms: number;
  /** Two words, both to match: part of a customer id and part of a biz_no. */
  search_two_words_ms: number;
  desk_branch_search_ms: number;
  /** The second page (after the first page's cursor) of a fragment 2,220 rows share. */
  search_next_page_ms: number;
  /** The second page of a fragment in every row, for a desk in its branch (RLS). */
  desk_branch_next_page_ms: number;
  /** A fragment 2,220 rows share and a status a tenth of them have (a customer's failed calls). */
  search_filtered_middle_ms: number;
  /** The same fragment and a status none of them have: nothing to find. */
  search_filtered_none_ms: number;
  /** A fragment in every row or most, and a status a tenth of the rows have. */
  search_filtered_every_row_ms: number;
  /** Three characters (~1.7% of rows), and the verdict column's "not fetched". */
  search_filtered_three_char_ms: number;
  /**
   * "This desk" asked of the team store (a desk holding all 50,000 of its branch's rows). Nothing
   * in the console asks it: its History view and CLI read "this desk" from the local SQLite.
   */
  desk_own_search_ms: number;
  desk_own_every_row_ms: number;
  first_page_ms: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const round = (x: number) => Math.round(x * 100) / 100;

const GENERATE = `
INSERT INTO faceid_team.calls (global_id, branch, desk, started_at, finished_at, status, profile_id, profile_name, environment, base_url, operator,
  biz_no, uuid, comparison_type, params, http_status, token, biz_id, request_id, expired_time, error_code)
SELECT md5(i::text || 'g')::uuid, 'B' || lpad((i % 20)::text, 2, '0'), 'B' || lpad((i % 20)::text, 2, '0') || '-desk-' || (i % 5),
  1767225600000 + i * 1000, 1767225600000 + i * 1000 + 15, CASE WHEN i % 10 = 7 THEN 'failed' ELSE 'issued' END, 'prod', 'Prod', 'production',
  'https://api-idn.megvii.com', 'desk-' || (i % 5), 'branch-' || lpad(i::text, 7, '0'), 'cust-' || (i % 50000), CASE WHEN i % 2 = 0 THEN '0' ELSE '-1' END,
  '{}'::jsonb, CASE WHEN i % 10 = 7 THEN 400 ELSE 200 END,
  CASE WHEN i % 10 = 7 THEN NULL ELSE md5(i::text) END, CASE WHEN i % 10 = 7 THEN NULL ELSE (1767225600 + i) || ',' || md5(i::text || 'b')::uuid END,
  (1767225600 + i) || ',' || md5(i::text || 'r')::uuid, 1767225600 + i + 3600, CASE WHEN i % 10 = 7 THEN 'BAD_ARGUMENTS' END
FROM generate_series(1, $1::int) AS i`;

/**
 * Fills a migrated team database with `rows` generated calls, as a DBA bulk-loading would: the
 * table's indexes and keys (read from the catalogue, so they follow the migrations) are dropped,
 * the rows inserted in one statement (in the transaction that truncated the table, which with
 * wal_level=minimal writes no WAL), and the indexes rebuilt afterwards — the trigram index on one
 * connection while the b-trees build on another. `connect` opens another owner connection.
 */
export async function generateTeamRows(
  owner: pg.Client,
  rows: number,
  connect?: () => Promise<pg.Client>,
): Promise<{ rows_s: number; indexes_s: number }> {
  const t0 = performance.now();
  const marks: Record<string, number> = {};
  const stage = (name: string) => {
    marks[name] = (performance.now() - t0) / 1000;
    if (process.env.BENCH_VERBOSE) process.stderr.write(`  ${name}: ${(marks[name] ?? 0).toFixed(1)} s\n`);
  };
  const indexes = (
    await owner.query<{ name: string; def: string }>(
      "SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'faceid_team' AND tablename = 'calls'",
    )
  ).rows;
  const constraints = (
    await owner.query<{ name: string; rel: string; def: string; type: string }>(
      `SELECT conname AS name, conrelid::regclass::text AS rel, pg_get_constraintdef(oid) AS def, contype AS type FROM pg_constraint
       WHERE connamespace = 'faceid_team'::regnamespace AND contype IN ('p', 'u', 'f')
         AND (conrelid = 'faceid_team.calls'::regclass OR confrelid = 'faceid_team.calls'::regclass)`,
    )
  ).rows;
  const keyIndexes = new Set(constraints.filter((c) => c.type !== 'f').map((c) => c.name));
  const foreign = constraints.filter((c) => c.type === 'f');
  for (const c of foreign) await owner.query(`ALTER TABLE ${c.rel} DROP CONSTRAINT ${c.name}`);
  for (const c of constraints.filter((k) => k.type !== 'f')) await owner.query(`ALTER TABLE ${c.rel} DROP CONSTRAINT ${c.name}`);
  for (const i of indexes.filter((x) => !keyIndexes.has(x.name))) await owner.query(`DROP INDEX faceid_team.${i.name}`);
  await owner.query('BEGIN');
  await owner.query('TRUNCATE faceid_team.calls CASCADE');
  await owner.query(GENERATE, [rows]);
  await owner.query('COMMIT');
  stage('rows');
  // Memory to sort in, as a DBA restoring would give it.
  const prepare = async (c: pg.Client) => {
    await c.query("SET maintenance_work_mem = '256MB'");
    await c.query('SET max_parallel_maintenance_workers = 0');
    return c;
  };
  const trigram = indexes.filter((i) => / USING gin /.test(i.def));
  const others = [
    ...constraints.filter((k) => k.type !== 'f').map((c) => `ALTER TABLE ${c.rel} ADD CONSTRAINT ${c.name} ${c.def}`),
    ...indexes.filter((i) => !keyIndexes.has(i.name) && !trigram.includes(i)).map((i) => i.def),
  ];
  const second = connect ? await prepare(await connect()) : undefined;
  await prepare(owner);
  const run = async (c: pg.Client, statements: string[]) => {
    for (const sql of statements) await c.query(sql);
  };
  try {
    if (second)
      await Promise.all([
        run(
          owner,
          trigram.map((i) => i.def),
        ),
        run(second, others),
      ]);
    else await run(owner, [...trigram.map((i) => i.def), ...others]);
  } finally {
    await second?.end();
  }
  stage('indexes');
  for (const c of foreign) await owner.query(`ALTER TABLE ${c.rel} ADD CONSTRAINT ${c.name} ${c.def}`);
  await owner.query('VACUUM ANALYZE faceid_team.calls');
  stage('vacuum');
  return { rows_s: marks.rows ?? 0, indexes_s: (marks.indexes ?? 0) - (marks.rows ?? 0) };
}

/** Generates `rows` calls and measures the team query. */
export async function benchTeam(rows = 1_000_000, samples = 25): Promise<TeamFigures> {
  const why = pgUnavailable();
  if (why) throw new Error(`team bench needs PostgreSQL: ${why}`);
  // A bulk load's server settings: no WAL for a table truncated in the loading transaction.
  const cluster = await startCluster({
    prepare: () => '-c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=4GB -c checkpoint_timeout=30min',
  });
  try {
    await cluster.createDatabase('faceid');
    const owner = await cluster.admin('faceid');
    await migrateTeam(owner);
    await owner.query("CREATE ROLE bench_support LOGIN PASSWORD 'bench' IN ROLE faceid_support");
    await owner.query("CREATE ROLE bench_desk LOGIN PASSWORD 'bench' IN ROLE faceid_desk");
    await owner.query("INSERT INTO faceid_team.desks VALUES ('bench_desk', 'B07', 'B07-desk-1')");
    // The generator gives every B07 row to B07-desk-2 (i ≡ 7 mod 20 makes i mod 5 = 2).
    await owner.query("CREATE ROLE bench_desk_own LOGIN PASSWORD 'bench' IN ROLE faceid_desk");
    await owner.query("INSERT INTO faceid_team.desks VALUES ('bench_desk_own', 'B07', 'B07-desk-2')");
    const t0 = performance.now();
    const parts = await generateTeamRows(owner, rows, () => cluster.admin('faceid'));
    const generate_s = (performance.now() - t0) / 1000;
    await owner.end();

    // Each login through a pool like the console's own (TEAM_QUERY_POOL), warmed to its size.
    const connect = async (user: string) => {
      const pool = new pg.Pool({ ...cluster.config(user, 'bench', 'faceid'), ...TEAM_QUERY_POOL });
      const held = await Promise.all(Array.from({ length: TEAM_QUERY_POOL.max }, () => pool.connect()));
      for (const c of held) c.release();
      return pool;
    };
    const support = await connect('bench_support');
    const desk = await connect('bench_desk');
    const deskOwn = await connect('bench_desk_own');
    const now = Date.UTC(2026, 5, 1);
    // The median of one page's query; `filter` may add conditions to the text, `second` times the
    // page after the first one's cursor (the first is asked untimed, as the list would have).
    const time = async (
      c: pg.Pool,
      scope: TeamScope,
      text: (k: number) => string | undefined,
      filter: HistoryFilter = {},
      second = false,
    ): Promise<number> => {
      const ms: number[] = [];
      for (let k = 0; k < samples + 3; k++) {
        const t = text(k);
        const asked = t === undefined ? filter : { ...filter, text: t };
        const cursor = second ? (await teamQuery(c, asked, scope, now, 50)).next : undefined;
        const began = performance.now();
        await teamQuery(c, asked, scope, now, 50, cursor);
        if (k >= 3) ms.push(performance.now() - began);
      }
      return round(median(ms));
    };
    const everyRow = (k: number) => ['branch-', 'cust', 'br', 'nch-0'][k % 4];
    const middle = (k: number) => `cust-${100 + (k % 400)}`;
    const pick = (k: number) => 1 + ((k * 7919 * 104_729) % rows);
    const figures: TeamFigures = {
      rows,
      generate_s: round(generate_s),
      generate_rows_s: round(parts.rows_s),
      generate_indexes_s: round(parts.indexes_s),
      load_average: round(loadavg()[0] ?? 0),
      // The middle of one biz_no: a clerk pasting part of a reference.
      search_rare_fragment_ms: await time(support, 'all', (k) => `nch-${String(pick(k)).padStart(7, '0')}`),
      // Eight characters out of the middle of a token.
      search_token_fragment_ms: await time(support, 'all', (k) => tokenSlice(pick(k) % 10 === 7 ? pick(k) + 1 : pick(k))),
      // A fragment 220 rows share.
      search_common_fragment_ms: await time(support, 'all', (k) => `cust-${1000 + k}`),
      // Three hex characters match ~1.7% of the rows: over the count's cap (2,000), the page among the newest rows.
      search_three_char_fragment_ms: await time(support, 'all', (k) => tokenSlice(k).slice(0, 3)),
      // Between the count's cap and "common": 2,220 rows share it, none among the newest 32,768,
      // so the trigram index counts past the cap and the time index is walked on.
      search_middle_fragment_ms: await time(support, 'all', middle),
      // In every row, or in most: the newest rows answer alone.
      search_every_row_fragment_ms: await time(support, 'all', everyRow),
      search_two_words_ms: await time(support, 'all', (k) => `cust-${1000 + k} nch-0${k % 10}`),
      desk_branch_search_ms: await time(desk, 'branch', (k) => `nch-${String(20 * Math.floor(pick(k) / 20) + 7).padStart(7, '0')}`),
      search_next_page_ms: await time(support, 'all', middle, {}, true),
      desk_branch_next_page_ms: await time(desk, 'branch', everyRow, {}, true),
      // Every generated call with a token has expired by `now`: "issued" (still valid) finds none.
      search_filtered_middle_ms: await time(support, 'all', middle, { status: 'failed' }),
      search_filtered_none_ms: await time(support, 'all', middle, { status: 'issued' }),
      search_filtered_every_row_ms: await time(support, 'all', everyRow, { status: 'failed' }),
      search_filtered_three_char_ms: await time(support, 'all', (k) => tokenSlice(k).slice(0, 3), { verdict: 'not-fetched' }),
      desk_own_search_ms: await time(deskOwn, 'desk', (k) => `nch-${String(20 * Math.floor(pick(k) / 20) + 7).padStart(7, '0')}`),
      desk_own_every_row_ms: await time(deskOwn, 'desk', everyRow),
      first_page_ms: await time(support, 'all', () => undefined),
    };
    await support.end();
    await desk.end();
    await deskOwn.end();
    return figures;
  } finally {
    await cluster.stop();
  }
}

/** Eight hex characters out of the middle of the token the generator gave call `i`. */
function tokenSlice(i: number): string {
  return createHash('md5').update(String(i)).digest('hex').slice(10, 18);
}

// Run directly: `tsx bench/team.ts [rows]`.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  void benchTeam(Number(process.argv[2] ?? 1_000_000)).then((f) => process.stdout.write(`${JSON.stringify(f, null, 2)}\n`));
}
