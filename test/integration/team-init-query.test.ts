import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamCli } from '../../main/team/cli';
import { teamInitSql } from '../../main/team/init';
import { migrateTeam } from '../../main/team/migrate';
import { runner } from 'node-pg-migrate';
import { checkTeamSchema, MIGRATIONS_SCHEMA, MIGRATIONS_TABLE, migrationsDir, TEAM_SCHEMA_VERSION } from '../../main/team/schema';
import type { HistoryCursor, HistoryFilter } from '../../core/history';
import { FRAGMENT_COUNT_CAP, teamQuery } from '../../main/team/team-history';
import { pgOrSkip } from '../support/pg-cluster';
import { startTeam, type TeamFixture, type TeamRole } from '../support/team-fixture';

const run = pgOrSkip();

describe.runIf(run)('team init and the team query', () => {
  let team: TeamFixture;
  beforeAll(async () => {
    team = await startTeam();
  }, 60_000);
  afterAll(async () => {
    await team?.stop();
  });

  async function client(role: TeamRole): Promise<pg.Client> {
    const c = new pg.Client(team.config(role));
    await c.connect();
    return c;
  }

  it('applies the schema with `team init --apply`, and the printed SQL is the same schema', async () => {
    await team.cluster.createDatabase('applied');
    await team.cluster.createDatabase('printed');
    const out: string[] = [];
    const code = await teamCli(
      ['init', '--apply', '--host', '127.0.0.1', '--port', String(team.cluster.port), '--database', 'applied', '--user', 'postgres'],
      {
        out: (t) => out.push(t),
        err: (t) => out.push(t),
        env: { PGPASSWORD: team.cluster.password },
      },
    );
    expect({ code, out: out.join('') }).toEqual({ code: 0, out: 'team schema applied\n' });
    const printed = await team.cluster.admin('printed');
    await printed.query(teamInitSql());
    // The printed script records its migrations, so a later --apply has nothing left to run.
    await migrateTeam(printed);
    for (const db of ['applied', 'printed']) {
      const c = await team.cluster.admin(db);
      expect(await checkTeamSchema(c)).toMatchObject({ schemaVersion: TEAM_SCHEMA_VERSION, publishPhotos: false });
      await c.end();
    }
    await printed.end();
  });

  it('upgrades a schema-3 database that holds calls: their search text is lower-cased and still found', async () => {
    await team.cluster.createDatabase('upgraded');
    const c = await team.cluster.admin('upgraded');
    try {
      await runner({
        dbClient: c,
        dir: migrationsDir(),
        migrationsTable: MIGRATIONS_TABLE,
        migrationsSchema: MIGRATIONS_SCHEMA,
        createMigrationsSchema: true,
        direction: 'up',
        count: 3,
        log: () => {},
      });
      expect(await checkTeamSchema(c, 3)).toMatchObject({ schemaVersion: 3 });
      await c.query(
        "INSERT INTO faceid_team.calls (global_id, branch, desk, started_at, status, profile_id, profile_name, environment, base_url, biz_no, uuid, params) VALUES (gen_random_uuid(), 'JKT', 'jkt-desk-1', 5, 'failed', 'p', 'P', 'test', 'x', 'Loan-ABC-777', 'Cust-Q', '{}')",
      );
      await migrateTeam(c);
      expect(await checkTeamSchema(c)).toMatchObject({ schemaVersion: TEAM_SCHEMA_VERSION });
      const stored = await c.query<{ search_text: string }>('SELECT search_text FROM faceid_team.calls');
      expect(stored.rows.map((r) => r.search_text)).toEqual([' loan-abc-777 cust-q     p ']);
      for (const text of ['ABC-777', 'abc-7', 'cust-q'])
        expect((await teamQuery(c, { text }, 'all', 10_000, 10)).rows.map((r) => r.bizNo)).toEqual(['Loan-ABC-777']);
    } finally {
      await c.end();
    }
  });

  it('names a bad --port and an unknown command', async () => {
    const err: string[] = [];
    const io = { out: () => {}, err: (t: string) => err.push(t), env: {} };
    expect(await teamCli(['init', '--apply', '--port', 'x'], io)).toBe(2);
    expect(await teamCli(['drop'], io)).toBe(2);
    expect(err.join('')).toMatch(/--port must be a whole number from 1 to 65535, not "x"[\s\S]*unknown team command: drop/);
  });

  it('answers the history query shape by scope and fragment, newest first, with cursors', async () => {
    const rows = [
      { role: team.deskA, biz: 'loan-ABC-001', at: 1000 },
      { role: team.deskA, biz: 'loan-abc-002', at: 2000 },
      { role: team.deskB, biz: 'loan-abc-003', at: 3000 },
    ];
    for (const r of rows) {
      const c = await client(r.role);
      await c.query(
        "INSERT INTO faceid_team.calls (global_id, started_at, status, profile_id, profile_name, environment, base_url, biz_no, params) VALUES (gen_random_uuid(), $1, 'failed', 'p', 'P', 'test', 'x', $2, '{}')",
        [r.at, r.biz],
      );
      await c.end();
    }
    const a = await client(team.deskA);
    const s = await client(team.support);
    try {
      const mine = await teamQuery(a, { text: 'ABC' }, 'branch', 10_000, 10);
      expect(mine.rows.map((r) => [r.bizNo, r.branch])).toEqual([
        ['loan-abc-002', 'JKT'],
        ['loan-ABC-001', 'JKT'],
      ]);
      // "all" for a desk is still only what RLS lets it read.
      expect((await teamQuery(a, { text: 'abc' }, 'all', 10_000, 10)).total).toBe(2);
      const first = await teamQuery(s, { text: 'abc-00' }, 'all', 10_000, 2);
      expect(first.rows.map((r) => r.bizNo)).toEqual(['loan-abc-003', 'loan-abc-002']);
      expect(first.total).toBe(3);
      const second = await teamQuery(s, { text: 'abc-00' }, 'all', 10_000, 2, first.next);
      expect(second.rows.map((r) => [r.bizNo, r.desk])).toEqual([['loan-ABC-001', 'jkt-desk-1']]);
      expect(second.next).toBeUndefined();
      // LIKE's wildcards in a fragment are searched for, not obeyed.
      expect((await teamQuery(s, { text: 'loan_' }, 'all', 10_000, 10)).total).toBe(0);
      // The index helper the query uses finds nothing of another branch for a desk either.
      const ids = await a.query<{ branch: string }>(
        "SELECT DISTINCT c.branch FROM faceid_team.fragment_matches('%loan%', 100) AS m(id) JOIN faceid_team.calls c ON c.id = m.id",
      );
      expect(ids.rows).toEqual([{ branch: 'JKT' }]);
    } finally {
      await a.end();
      await s.end();
    }
  });

  it('searches as the desk does: every word, a short word at the start of a value, the error code, profile and operator', async () => {
    await team.sql(
      `INSERT INTO faceid_team.calls (global_id, branch, desk, started_at, status, profile_id, profile_name, environment, base_url, operator, biz_no, uuid, token, error_code, error_field, params)
       VALUES (gen_random_uuid(), 'JKT', 'jkt-desk-1', 4000, 'failed', 'p', 'Jakarta Prod', 'production', 'x', 'siti', 'KYC-7781', 'Cust-ZX9', NULL, 'BAD_ARGUMENTS', 'biz_no', '{}'),
              (gen_random_uuid(), 'JKT', 'jkt-desk-1', 4001, 'issued', 'p', 'Sandbox', 'sandbox', 'x', 'budi', 'KYC-7782', 'Cust-ZX9', 'TOK9f3e', NULL, NULL, '{}')`,
    );
    const s = await client(team.support);
    try {
      const found = async (text: string) => {
        // Both paths: the window of newest rows (it holds every row here), and the trigram index (a window of one row).
        const byWindow = await teamQuery(s, { text }, 'all', 10_000, 10);
        const byIndex = await teamQuery(s, { text }, 'all', 10_000, 10, undefined, { walkWindow: 1 });
        expect(
          byIndex.rows.map((r) => r.bizNo),
          text,
        ).toEqual(byWindow.rows.map((r) => r.bizNo));
        expect(byIndex.total, text).toBe(byWindow.total);
        return byWindow.rows.map((r) => r.bizNo);
      };
      expect(await found('kyc zx9')).toEqual(['KYC-7782', 'KYC-7781']);
      expect(await found('zx9 7781')).toEqual(['KYC-7781']);
      expect(await found('BAD_ARG')).toEqual(['KYC-7781']);
      expect(await found('jakarta')).toEqual(['KYC-7781']);
      expect(await found('budi kyc')).toEqual(['KYC-7782']);
      // One or two characters: the start of a value, not its middle.
      expect(await found('ky')).toEqual(['KYC-7782', 'KYC-7781']);
      expect(await found('to 7782')).toEqual(['KYC-7782']);
      expect(await found('yc')).toEqual([]);
      expect(await found('kyc nope')).toEqual([]);
      // LIKE's wildcards are searched for: "_" is only an underscore, "%" only a percent sign.
      expect(await found('bad%arg')).toEqual([]);
      expect(await found('d_a')).toEqual(['KYC-7781']);
    } finally {
      await s.end();
    }
  });

  it('counts up to the cap and still pages the newest first when a fragment matches more', async () => {
    await team.sql(
      "INSERT INTO faceid_team.calls (global_id, branch, desk, started_at, status, profile_id, profile_name, environment, base_url, biz_no, params) SELECT gen_random_uuid(), 'JKT', 'jkt-desk-1', 100000 + i, 'issued', 'p', 'P', 'test', 'x', 'bulk-' || i, '{}' FROM generate_series(1, 2050) AS i",
    );
    const a = await client(team.deskA);
    const pool = new pg.Pool({ ...team.config(team.deskA), max: 2 });
    try {
      const page = await teamQuery(a, { text: 'bulk-' }, 'branch', 10_000, 3);
      expect({ total: page.total, capped: page.totalCapped, rows: page.rows.map((r) => r.bizNo) }).toEqual({
        total: FRAGMENT_COUNT_CAP,
        capped: true,
        rows: ['bulk-2050', 'bulk-2049', 'bulk-2048'],
      });
      const narrow = await teamQuery(a, { text: 'bulk-204' }, 'branch', 10_000, 3);
      expect({ total: narrow.total, capped: narrow.totalCapped, first: narrow.rows[0]?.bizNo }).toEqual({
        total: 11,
        capped: false,
        first: 'bulk-2049',
      });
      // Over the cap with another filter: a lower bound from what passed it, or, when the walk
      // from the newest found every match, the exact count.
      const failed = await teamQuery(a, { text: 'bulk-', status: 'failed' }, 'branch', 10_000, 3);
      expect({ total: failed.total, capped: failed.totalCapped, rows: failed.rows.length }).toEqual({ total: 0, capped: false, rows: 0 });
      await team.sql(
        "UPDATE faceid_team.calls SET status = 'failed' WHERE biz_no IN ('bulk-7', 'bulk-2040', 'bulk-2041', 'bulk-2042', 'bulk-2043')",
      );
      // A fragment 2,050 rows share, and a status five of them have: every candidate is read and
      // tested (FILTERED_CANDIDATE_CAP), so the page and the count are exact.
      const some = await teamQuery(a, { text: 'bulk-', status: 'failed' }, 'branch', 10_000, 3);
      expect({ total: some.total, capped: some.totalCapped, rows: some.rows.map((r) => r.bizNo) }).toEqual({
        total: 5,
        capped: false,
        rows: ['bulk-2043', 'bulk-2042', 'bulk-2041'],
      });
      // More candidates than are read (a cap as low as the count's), and a window of newest rows
      // that held them all: the window's exact answer.
      for (const c of [a, pool]) {
        const seen = await teamQuery(c, { text: 'bulk-', status: 'failed' }, 'branch', 10_000, 3, undefined, { filteredCap: 1 });
        expect({ total: seen.total, capped: seen.totalCapped, first: seen.rows[0]?.bizNo }).toEqual({
          total: 5,
          capped: false,
          first: 'bulk-2043',
        });
      }
      // A window of four rows, none of them failed: the page from the time index walked on, the
      // count a lower bound — never more than match, never fewer than a page and one beyond.
      for (const c of [a, pool]) {
        const over = await teamQuery(c, { text: 'bulk-', status: 'failed' }, 'branch', 10_000, 3, undefined, {
          filteredCap: 1,
          walkWindow: 4,
        });
        expect({ capped: over.totalCapped, rows: over.rows.map((r) => r.bizNo) }).toEqual({
          capped: true,
          rows: ['bulk-2043', 'bulk-2042', 'bulk-2041'],
        });
        expect(over.total).toBeGreaterThanOrEqual(4);
        expect(over.total).toBeLessThanOrEqual(5);
      }
    } finally {
      await a.end();
      await pool.end();
    }
  });

  it('answers from the newest rows when enough match, else counts by the trigram index and walks on to an older page', async () => {
    // Twenty calls newer than every bulk- call, none of them matching: a window of ten holds no match.
    await team.sql(
      "INSERT INTO faceid_team.calls (global_id, branch, desk, started_at, status, profile_id, profile_name, environment, base_url, biz_no, params) SELECT gen_random_uuid(), 'JKT', 'jkt-desk-1', 200000 + i, 'issued', 'p', 'P', 'test', 'x', 'later-' || i, '{}' FROM generate_series(1, 20) AS i",
    );
    const one = await client(team.deskA);
    const pool = new pg.Pool({ ...team.config(team.deskA), max: 2 });
    try {
      const shape = (p: Awaited<ReturnType<typeof teamQuery>>) => ({
        total: p.total,
        capped: p.totalCapped,
        rows: p.rows.map((r) => r.bizNo),
        next: p.next !== undefined,
      });
      const expected = { total: FRAGMENT_COUNT_CAP, capped: true, rows: ['bulk-2050', 'bulk-2049', 'bulk-2048'], next: true };
      // The fragment in another letter case: the text is searched lower-cased, whichever path finds it.
      expect(shape(await teamQuery(one, { text: 'BULK-' }, 'branch', 10_000, 3))).toEqual(expected);
      expect(shape(await teamQuery(pool, { text: 'BULK-' }, 'branch', 10_000, 3))).toEqual(expected);
      expect(shape(await teamQuery(pool, { text: 'bulk-' }, 'branch', 10_000, 3, undefined, { walkWindow: 10 }))).toEqual(expected);
      // A window that holds more matches than the cap answers alone (as "2,000+").
      expect(shape(await teamQuery(one, { text: 'bulk-' }, 'branch', 10_000, 3, undefined, { walkWindow: 2060 }))).toEqual(expected);
      // The next page after the cursor, through the window and past it.
      const first = await teamQuery(pool, { text: 'bulk-' }, 'branch', 10_000, 3, undefined, { walkWindow: 10 });
      for (const walkWindow of [10, 4]) {
        const next = await teamQuery(pool, { text: 'bulk-' }, 'branch', 10_000, 3, first.next, { walkWindow });
        expect(next.rows.map((r) => r.bizNo)).toEqual(['bulk-2047', 'bulk-2046', 'bulk-2045']);
      }
      // Under the cap the probe's own rows answer, the window's are set aside.
      const narrow = await teamQuery(pool, { text: 'bulk-204' }, 'branch', 10_000, 3);
      expect({ total: narrow.total, capped: narrow.totalCapped, first: narrow.rows[0]?.bizNo }).toEqual({
        total: 11,
        capped: false,
        first: 'bulk-2049',
      });
      // The window answering alone cancels the trigram index's statement; the pool is as good after.
      for (let k = 0; k < 3; k++)
        expect(shape(await teamQuery(pool, { text: 'bulk-' }, 'branch', 10_000, 3, undefined, { walkWindow: 2060 }))).toEqual(expected);
      // Searches at once on a pool of two: each takes a second connection only when one is free.
      const many = await Promise.all(
        Array.from({ length: 6 }, (_, k) => teamQuery(pool, { text: k % 2 ? 'bulk-204' : 'BULK-' }, 'branch', 10_000, 3)),
      );
      expect(many.map((p) => p.total)).toEqual([FRAGMENT_COUNT_CAP, 11, FRAGMENT_COUNT_CAP, 11, FRAGMENT_COUNT_CAP, 11]);
      expect(pool.waitingCount).toBe(0);
      expect(pool.totalCount).toBeLessThanOrEqual(2);
    } finally {
      await one.end();
      await pool.end();
    }
  });
  it('pages through the same rows by every path as a plain test of every row would, with or without other conditions', async () => {
    // The rows the earlier tests left (2,050 bulk-, 20 later-, and a few more), as desk A may read them.
    const a = await client(team.deskA);
    const pool = new pg.Pool({ ...team.config(team.deskA), max: 2 });
    const now = 10_000;
    try {
      const all = (
        await a.query<{
          id: string;
          started_at: string;
          search_text: string;
          status: string;
          expired_time: string | null;
          verdict: string | null;
        }>('SELECT id, started_at, search_text, status, expired_time, verdict FROM faceid_team.calls ORDER BY started_at DESC, id DESC')
      ).rows;
      expect(all.length).toBeGreaterThan(2_070);
      const filters: HistoryFilter[] = [{}, { status: 'failed' }, { verdict: 'not-fetched' }, { from: 101_000 }];
      const passes = (r: (typeof all)[number], f: HistoryFilter) =>
        (f.status !== 'failed' || r.status === 'failed') &&
        (f.verdict !== 'not-fetched' || (r.status === 'issued' && r.verdict === null)) &&
        (f.from === undefined || Number(r.started_at) >= f.from);
      const matches = (r: (typeof all)[number], text: string) =>
        text
          .toLowerCase()
          .split(/\s+/)
          .every((w) => (w.length >= 3 ? r.search_text.includes(w) : ` ${r.search_text}`.includes(` ${w}`)));
      for (const text of ['bulk-', 'BULK-204', 'bulk-7', 'later bu', 'zz-none'])
        for (const f of filters)
          for (const tuning of [{}, { walkWindow: 10 }, { walkWindow: 10, filteredCap: 1 }])
            for (const c of [a, pool]) {
              const expected = all.filter((r) => passes(r, f) && matches(r, text)).map((r) => Number(r.id));
              const got: number[] = [];
              let cursor: HistoryCursor | undefined;
              let first: Awaited<ReturnType<typeof teamQuery>> | undefined;
              do {
                const page = await teamQuery(c, { ...f, text }, 'branch', now, 500, cursor, tuning);
                first ??= page;
                got.push(...page.rows.map((r) => r.id));
                cursor = page.next;
              } while (cursor && got.length <= expected.length);
              const what = `${text} ${JSON.stringify(f)} ${JSON.stringify(tuning)} ${c === a ? 'one' : 'pool'}`;
              expect(got, what).toEqual(expected);
              // The first page's count: exact, or a lower bound marked as one, never above the cap.
              if (first.totalCapped) expect(first.total, what).toBeLessThanOrEqual(Math.min(expected.length, FRAGMENT_COUNT_CAP));
              else expect(first.total, what).toBe(expected.length);
            }
    } finally {
      await a.end();
      await pool.end();
    }
  }, 60_000);
});
