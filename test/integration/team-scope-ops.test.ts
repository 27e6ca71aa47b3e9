import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { pgOrSkip } from '../support/pg-cluster';
import { startTeam, type TeamFixture, type TeamRole } from '../support/team-fixture';

const run = pgOrSkip();
const CLI = join(__dirname, '../../main/cli/main.ts');
const PARAMS = { return_url: 'https://bank.example/r', notify_url: 'https://bank.example/n', comparison_type: '-1' };

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, FACEID_API_SECRET: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function until<T>(what: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.runIf(run)('the history operations and the CLI across scopes, a support replay recorded with its origin desk', () => {
  let team: TeamFixture;
  const dirs: string[] = [];
  const apps: ConsoleApp[] = [];
  let deskA: ConsoleApp;
  let deskB: ConsoleApp;
  let deskADir: string;

  async function joined(role: TeamRole, port = team.cluster.port): Promise<{ app: ConsoleApp; dir: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'faceid-scope-'));
    dirs.push(dir);
    const app = await startConsoleApp({ dataDir: dir });
    apps.push(app);
    const r = await app.handlers.updateTeamSettings({
      settings: { enabled: true, host: '127.0.0.1', port, database: team.database, user: role.user, tlsMode: 'disable' },
      password: role.password,
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return { app, dir };
  }
  const published = (app: ConsoleApp) =>
    until(async () => {
      const s = await app.handlers.getTeamStatus({});
      return s.ok && s.value.waiting === 0 && s.value.state === 'idle' ? true : undefined;
    });
  async function issue(app: ConsoleApp, bizNo: string, extra: { clonedFromTeam?: number } = {}) {
    const r = await app.handlers.issueToken({
      callId: `scope-${bizNo}`,
      profileId: 'sandbox',
      params: { ...PARAMS, biz_no: bizNo, uuid: `cust-${bizNo}` },
      photos: {},
      ...extra,
    });
    if (!r.ok || r.value.outcome !== 'issued' || r.value.historyId === undefined) throw new Error(JSON.stringify(r));
    return r.value.historyId;
  }

  beforeAll(async () => {
    team = await startTeam();
    ({ app: deskA, dir: deskADir } = await joined(team.deskA));
    ({ app: deskB } = await joined(team.deskB));
  }, 60_000);
  afterAll(async () => {
    for (const a of apps) await a.close();
    await team?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('answers this desk, my branch and all I may see through the same queryHistory, with the verdict column', async () => {
    await issue(deskA, 'SCOPE-JKT-001');
    await issue(deskB, 'SCOPE-SBY-001');
    await published(deskA);
    await published(deskB);
    const q = async (scope: 'desk' | 'branch' | 'all') => {
      const r = await deskA.handlers.queryHistory({ filter: { text: 'scope-', ...(scope === 'desk' ? {} : { scope }) }, limit: 10 });
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.value.rows.map((row) => [row.bizNo, row.desk ?? '(local)']);
    };
    expect(await q('desk')).toEqual([['SCOPE-JKT-001', '(local)']]);
    expect(await q('branch')).toEqual([['SCOPE-JKT-001', 'jkt-desk-1']]);
    // A desk's "all" is still what row-level security lets it read: its own branch.
    expect(await q('all')).toEqual([['SCOPE-JKT-001', 'jkt-desk-1']]);
    const notFetched = await deskA.handlers.queryHistory({
      filter: { scope: 'branch', verdict: 'not-fetched', text: 'scope-jkt' },
      limit: 10,
    });
    expect(notFetched.ok && notFetched.value.total).toBe(1);
    // The queue of calls set aside is the desk's own: empty here, and a malformed id is refused by name.
    expect(await deskA.handlers.teamOutbox({ action: 'list' })).toEqual({ ok: true, value: { quarantined: [], changed: 0 } });
    expect(await deskA.handlers.teamOutbox({ action: 'retry', globalId: 'not-a-uuid' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'globalId' },
    });
  }, 30_000);

  it("lets support open, copy as cURL and replay another desk's call; the replay records the team call and its origin desk", async () => {
    const { app: support } = await joined(team.support);
    // Support publishes nothing (not a desk), but reads every branch.
    const found = await until(async () => {
      const r = await support.handlers.queryHistory({ filter: { scope: 'all', text: 'SCOPE-SBY-001' }, limit: 5 });
      return r.ok && r.value.rows[0] ? r.value.rows[0] : undefined;
    });
    expect([found.bizNo, found.branch, found.desk]).toEqual(['SCOPE-SBY-001', 'SBY', 'sby-desk-1']);
    const opened = await support.handlers.getHistoryRow({ id: found.id, scope: 'all' });
    expect(opened.ok && opened.value.params.uuid).toBe('cust-SCOPE-SBY-001');
    const curl = await support.handlers.historyCurl({ id: found.id, scope: 'all' });
    expect(curl.ok && curl.value.command).toContain('uuid=cust-SCOPE-SBY-001');
    expect(curl.ok && curl.value.bizNo).not.toBe('SCOPE-SBY-001');
    // Support replays it (on its own sandbox profile): the new call names the team call and its desk.
    const replayId = await issue(support, 'SCOPE-HQ-REPLAY', { clonedFromTeam: found.id });
    const replay = await support.handlers.getHistoryRow({ id: replayId });
    expect(replay.ok && replay.value.clonedFromTeam).toMatchObject({ id: found.id, branch: 'SBY', desk: 'sby-desk-1' });
    expect(replay.ok && replay.value.clonedFromTeam?.globalId).toMatch(/^[0-9a-f-]{36}$/);
    // Desk A's role may not read SBY's call, so it cannot claim it as an origin either.
    const refused = await deskA.handlers.issueToken({
      callId: 'scope-refused-1',
      profileId: 'sandbox',
      params: { ...PARAMS, biz_no: 'SCOPE-X', uuid: 'cust-x' },
      photos: {},
      clonedFromTeam: found.id,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'clonedFromTeam' } });
  }, 30_000);

  it('searches a scope from the CLI with --scope, and names a bad one', async () => {
    await published(deskA);
    const branch = await cli(['history', 'search', 'scope-jkt', '--scope', 'branch', '--data-dir', deskADir]);
    expect(branch.code, branch.stderr).toBe(0);
    expect(branch.stdout).toMatch(/call\(s\) match "scope-jkt" \(scope branch\)/);
    expect(branch.stdout).toContain('JKT/jkt-desk-1');
    const bad = await cli(['history', 'search', 'x', '--scope', 'everyone', '--data-dir', deskADir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--scope everyone: desk, branch or all.');
    // Two CLI processes (tsx compiles on start): generous for a loaded machine.
  }, 120_000);

  it('publishes a CLI call before the command exits, with no app running; an unreachable server keeps it waiting, and says so', async () => {
    const role = await team.addDesk('desk_jkt_cli', 'JKT', 'jkt-desk-cli');
    const { app, dir } = await joined(role);
    await app.close();
    apps.splice(apps.indexOf(app), 1);
    const set = ['return_url=https://bank.example/r', 'notify_url=https://bank.example/n', 'comparison_type=-1', 'uuid=cust-cli'];
    const args = (bizNo: string, dataDir: string) => [
      'token',
      ...set.flatMap((kv) => ['--set', kv]),
      '--set',
      `biz_no=${bizNo}`,
      '--data-dir',
      dataDir,
    ];
    const sent = await cli(args('CLI-PUB-001', dir));
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stderr).not.toContain('wait to publish');
    // No app ran after the command: the row is there because the command published it.
    expect(await team.sql("SELECT desk, status FROM faceid_team.calls WHERE biz_no = 'CLI-PUB-001'")).toEqual([
      { desk: 'jkt-desk-cli', status: 'issued' },
    ]);
    // A server that is away: the call is issued and kept, the note names what stopped the pass.
    const closed = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const away = await joined(role, closed);
    await away.app.close();
    apps.splice(apps.indexOf(away.app), 1);
    const kept = await cli(args('CLI-PUB-002', away.dir));
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stderr).toContain(
      'team history: 1 call(s) wait to publish. TEAM_UNREACHABLE: The team server cannot be reached (ECONNREFUSED).',
    );
    // In the language asked for, as the app words it.
    const inIndonesian = await cli([...args('CLI-PUB-003', away.dir), '--lang', 'id']);
    expect(inIndonesian.code, inIndonesian.stderr).toBe(0);
    expect(inIndonesian.stderr).toContain('TEAM_UNREACHABLE: Server tim tidak dapat dihubungi (ECONNREFUSED).');
    // A team search that cannot reach the server says so in words too, and exits 1.
    const search = await cli(['history', 'search', 'CLI-PUB', '--scope', 'branch', '--data-dir', away.dir]);
    expect(search.code).toBe(1);
    expect(search.stderr).toContain('history search --scope branch: TEAM_UNREACHABLE The team server cannot be reached (ECONNREFUSED).');
    expect(await team.sql("SELECT 1 FROM faceid_team.calls WHERE biz_no = 'CLI-PUB-002'")).toEqual([]);
  }, 120_000);

  it("shares one query pool between a fresh app's first queries that arrive together", async () => {
    const role = await team.addDesk('desk_jkt_pool', 'JKT', 'jkt-desk-pool');
    const { app } = await joined(role);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => app.handlers.queryHistory({ filter: { scope: 'branch', text: 'scope-jkt' }, limit: 5 })),
    );
    expect(answers.map((a) => a.ok && a.value.rows.length)).toEqual([1, 1, 1, 1, 1, 1]);
    // The pool's two connections and the publisher's one; a pool per query would hold six or more.
    const [held] = await team.sql<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1', [role.user]);
    expect(held?.n).toBeLessThanOrEqual(3);
  }, 60_000);
});
