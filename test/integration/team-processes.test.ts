import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/history/store';
import { redactorOf } from '../../main/vault/redact';
import { pgOrSkip } from '../support/pg-cluster';
import { type TeamRole } from '../support/team-fixture';
import { useTeamSuite } from '../support/team-suite';

const run = pgOrSkip();

describe.runIf(run)('desks publishing from their own processes', () => {
  const suite = useTeamSuite({ dirPrefix: 'faceid-team-proc-' });

  function deskProcess(file: string, mode: string, count: number, role: TeamRole, offset = 0): ChildProcess {
    return spawn(process.execPath, ['--import', 'tsx', 'test/support/team-desk.ts', file, mode, String(count)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TEAM_PG: JSON.stringify(suite.team.config(role)), TEAM_OFFSET: String(offset), TEAM_BATCH: '50' },
    });
  }
  const exited = (c: ChildProcess): Promise<number | null> =>
    new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(c.exitCode) : c.once('exit', (code) => r(code))));

  it('loses and doubles nothing when the console is killed -9 mid-publish and restarted', async () => {
    const file = join(suite.dir, 'killed.sqlite3');
    const child = deskProcess(file, 'write-then-publish', 1500, suite.team.deskA, 200_000);
    let acked = 0;
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => {
        acked += (d.toString().match(/acked/g) ?? []).length;
        if (acked >= 3) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', () => resolve());
      child.once('error', reject);
    });
    await exited(child);
    expect(child.signalCode).toBe('SIGKILL');
    const mid = await suite.team.sql<{ n: string }>(
      "SELECT count(*) AS n FROM faceid_team.calls WHERE biz_no >= 'branch-0200001' AND biz_no <= 'branch-0201500'",
    );
    expect(Number(mid[0]?.n)).toBeGreaterThan(0);
    expect(Number(mid[0]?.n)).toBeLessThan(1500);

    const again = deskProcess(file, 'publish', 0, suite.team.deskA);
    expect(await exited(again)).toBe(0);
    const rows = await suite.team.sql<{ n: string; distinct_biz: string; done: string }>(
      "SELECT count(*) AS n, count(DISTINCT biz_no) AS distinct_biz, count(*) FILTER (WHERE status <> 'pending') AS done FROM faceid_team.calls WHERE biz_no >= 'branch-0200001' AND biz_no <= 'branch-0201500'",
    );
    expect(rows[0]).toEqual({ n: '1500', distinct_biz: '1500', done: '1500' });
    const store = HistoryStore.open(file, { redact: redactorOf(() => []) });
    expect(store.outbox.backlog().waiting).toBe(0);
    store.close();
  }, 40_000);

  it('takes ten desks publishing at once, and reports the publish lag p99', async () => {
    const roles: TeamRole[] = [];
    for (let d = 0; d < 10; d++) roles.push(await suite.team.addDesk(`desk_many${d}`, d < 5 ? 'MDN' : 'BDG', `many-${d}`));
    const perDesk = 60;
    const children = roles.map((role, d) => deskProcess(join(suite.dir, `many-${d}.sqlite3`), 'live', perDesk, role, 300_000 + d * 1000));
    const codes = await Promise.all(children.map(exited));
    expect(codes).toEqual(Array(10).fill(0));
    const [stats] = await suite.team.sql<{ n: string; desks: string; p50: number; p99: number }>(
      `SELECT count(*) AS n, count(DISTINCT desk) AS desks,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at) * 1000 - started_at) AS p50,
        percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at) * 1000 - started_at) AS p99
       FROM faceid_team.calls WHERE desk LIKE 'many-%'`,
    );
    console.log(
      `team publish lag over ${stats?.n} calls from ${stats?.desks} desks: p50 ${Math.round(stats?.p50 ?? 0)} ms, p99 ${Math.round(stats?.p99 ?? 0)} ms`,
    );
    expect(stats).toMatchObject({ n: String(10 * perDesk), desks: '10' });
    // A liveness bound only: every call reached the team store within 10 s of its write.
    expect(stats?.p99).toBeLessThan(10_000);
  }, 60_000);
});
