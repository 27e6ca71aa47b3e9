/**
 * Results and replays across desks, against a real PostgreSQL cluster and one real sandbox that
 * every simulated desk reaches with its own profile: a result fetched on a desk that did not issue
 * the token updates the team row (the newest finished state wins) and the issuing desk adopts it;
 * a support login mapped as a head-office desk publishes its replay of a branch call, recorded
 * with the origin desk and branch; a desk of another branch can neither read nor update it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livenessUrl } from '../../core/faceid/verification';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';
import { upsertResult } from '../../main/team/upsert';
import { startReceiver, type CallbackReceiver } from '../support/callback-receiver';
import { pgOrSkip } from '../support/pg-cluster';
import { startTeam, type TeamFixture, type TeamRole } from '../support/team-fixture';

const run = pgOrSkip();
const KEY = 'shared-key';
const SECRET = 'shared-secret-anywhere';

async function until<T>(what: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.runIf(run)('team results fetched on any desk, and support replays published with their origin', () => {
  let team: TeamFixture;
  let sandbox: Sandbox;
  let receiver: CallbackReceiver;
  const dirs: string[] = [];
  const apps: ConsoleApp[] = [];
  let issuing: { app: ConsoleApp; profileId: string };
  let neighbour: { app: ConsoleApp; profileId: string };
  let support: { app: ConsoleApp; profileId: string };
  let otherBranch: { app: ConsoleApp; profileId: string };
  let supportRole: TeamRole;

  /** A console of its own (data folder, vault), joined to the team as `role`, with a profile for the shared sandbox. */
  async function desk(role: TeamRole): Promise<{ app: ConsoleApp; profileId: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'faceid-anywhere-'));
    dirs.push(dir);
    const app = await startConsoleApp({ dataDir: dir });
    apps.push(app);
    const p = await app.handlers.createProfile({
      profile: {
        name: 'Bank test service',
        color: '#2f855a',
        environment: 'test',
        region: 'custom',
        baseUrl: sandbox.baseUrl,
        apiKey: KEY,
        secret: SECRET,
        acceptUnprotectedSecret: true,
        defaults: {},
      },
    });
    if (!p.ok) throw new Error(JSON.stringify(p));
    const t = await app.handlers.updateTeamSettings({
      settings: { enabled: true, host: '127.0.0.1', port: team.cluster.port, database: team.database, user: role.user, tlsMode: 'disable' },
      password: role.password,
    });
    if (!t.ok) throw new Error(JSON.stringify(t));
    return { app, profileId: p.value.id };
  }
  const published = (app: ConsoleApp) =>
    until(async () => {
      const s = await app.handlers.getTeamStatus({});
      return s.ok && s.value.waiting === 0 && s.value.state === 'idle' ? true : undefined;
    });
  async function issue(d: { app: ConsoleApp; profileId: string }, bizNo: string, extra: { clonedFromTeam?: number } = {}) {
    const r = await d.app.handlers.issueToken({
      callId: `anywhere-${bizNo}`,
      profileId: d.profileId,
      params: {
        return_url: `${receiver.url}/r`,
        notify_url: `${receiver.url}/n`,
        comparison_type: '-1',
        biz_no: bizNo,
        uuid: `cust-${bizNo}`,
      },
      photos: {},
      ...extra,
    });
    if (!r.ok || r.value.outcome !== 'issued' || r.value.historyId === undefined || !r.value.token) throw new Error(JSON.stringify(r));
    return { historyId: r.value.historyId, token: r.value.token };
  }
  /** The customer finishes the flow on the sandbox's liveness page. */
  const finish = async (token: string, preset = 'passed') => {
    await fetch(livenessUrl(sandbox.baseUrl, token), { method: 'POST', body: new URLSearchParams({ preset }), redirect: 'manual' });
  };
  const teamRowOf = (d: { app: ConsoleApp }, bizNo: string, scope: 'branch' | 'all') =>
    until(async () => {
      const r = await d.app.handlers.queryHistory({ filter: { scope, text: bizNo }, limit: 5 });
      return r.ok && r.value.rows[0] ? r.value.rows[0] : undefined;
    });

  beforeAll(async () => {
    team = await startTeam();
    receiver = await startReceiver();
    sandbox = await createSandbox({ apiKey: KEY, apiSecret: SECRET, callbackPortCheck: false, notifyRetryDelaysMs: [] });
    const second = await team.addDesk('desk_jkt2', 'JKT', 'jkt-desk-2');
    // Head office's support login, mapped as a desk of its own so its replays are published.
    supportRole = team.support;
    await team.sql("INSERT INTO faceid_team.desks (role_name, branch, desk) VALUES ($1, 'HQ', 'hq-support-1')", [supportRole.user]);
    issuing = await desk(team.deskA);
    neighbour = await desk(second);
    support = await desk(supportRole);
    otherBranch = await desk(team.deskB);
  }, 90_000);
  afterAll(async () => {
    for (const a of apps) await a.close();
    await sandbox?.close();
    await receiver?.close();
    await team?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('publishes a result fetched on a desk that did not issue the token, and the issuing desk adopts it', async () => {
    const { historyId, token } = await issue(issuing, 'ANY-JKT-001');
    await published(issuing.app);
    await finish(token);
    // The neighbouring desk of the branch opens the call in "my branch" and fetches its result.
    const row = await teamRowOf(neighbour, 'ANY-JKT-001', 'branch');
    expect([row.desk, row.resultStatus]).toEqual(['jkt-desk-1', undefined]);
    const fetched = await neighbour.app.handlers.fetchResult({ historyId: row.id, scope: 'branch' });
    if (!fetched.ok) throw new Error(JSON.stringify(fetched));
    expect([fetched.value.result?.status, fetched.value.result?.fetches, fetched.value.verdict]).toEqual(['OK', 1, 'passed']);
    const [server] = await team.sql<{ result_status: string; version: number; desk: string }>(
      'SELECT result_status, version, desk FROM faceid_team.calls WHERE id = $1',
      [row.id],
    );
    expect(server).toMatchObject({ result_status: 'OK', desk: 'jkt-desk-1' });
    // The issuing desk reads it back into its own row (verdict included), without fetching.
    const adopted = await until(async () => {
      const r = await issuing.app.handlers.getHistoryRow({ id: historyId });
      return r.ok && r.value.result ? r.value : undefined;
    });
    expect([adopted.result?.status, adopted.verdict, adopted.resultStatus]).toEqual(['OK', 'passed', 'OK']);
    // Its list row shows the verdict too; nothing was queued to publish back.
    const list = await issuing.app.handlers.queryHistory({ filter: { text: 'ANY-JKT-001' }, limit: 5 });
    expect(list.ok && list.value.rows[0]?.verdict).toBe('passed');
    const status = await issuing.app.handlers.getTeamStatus({});
    expect(status.ok && status.value.waiting).toBe(0);

    // Support fetches it again later: a finished result fetched later wins (the version moves on).
    const seen = await teamRowOf(support, 'ANY-JKT-001', 'all');
    const again = await support.app.handlers.fetchResult({ historyId: seen.id, scope: 'all' });
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect(again.value.result?.fetches).toBe(2);
    const [later] = await team.sql<{ version: number; fetches: number }>(
      "SELECT version, (result->>'fetches')::int AS fetches FROM faceid_team.calls WHERE id = $1",
      [row.id],
    );
    expect(later).toEqual({ version: (server?.version ?? 0) + 1, fetches: 2 });
    // A running state fetched even later never replaces a finished one.
    const c = new pg.Client(team.config(supportRole));
    await c.connect();
    try {
      const older = await upsertResult(c, again.value.callId, {
        result: { status: 'PROCESSING', data: {}, fetches: 2, fetchedAt: Date.now() + 60_000 },
        result_status: 'PROCESSING',
        result_rank: 0,
        result_fetched_at: Date.now() + 60_000,
      });
      expect(older).toBe(false);
    } finally {
      await c.end();
    }
  }, 90_000);

  it("keeps another branch's desk out: it can neither read the call nor write its result", async () => {
    const row = await teamRowOf(issuing, 'ANY-JKT-001', 'branch');
    const refused = await otherBranch.app.handlers.fetchResult({ historyId: row.id, scope: 'all' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'historyId' } });
    const c = new pg.Client(team.config(team.deskB));
    await c.connect();
    try {
      const [{ global_id }] = await team.sql<{ global_id: string }>('SELECT global_id FROM faceid_team.calls WHERE id = $1', [row.id]);
      const wrote = await upsertResult(c, global_id, {
        result: { status: 'OK', data: {}, fetches: 3, fetchedAt: Date.now() + 120_000 },
        result_status: 'OK',
        result_rank: 1,
        result_fetched_at: Date.now() + 120_000,
      });
      expect(wrote).toBe(false);
    } finally {
      await c.end();
    }
    // The auditor reads everything but writes nothing.
    const a = new pg.Client(team.config(team.auditor));
    await a.connect();
    try {
      await expect(a.query("SELECT faceid_team.publish_result(gen_random_uuid(), '{}'::jsonb)")).rejects.toMatchObject({ code: '42501' });
    } finally {
      await a.end();
    }
  }, 60_000);

  it("publishes support's replay of a branch call, recorded with the origin desk and branch, and shows it in the detail", async () => {
    const source = await teamRowOf(support, 'ANY-JKT-001', 'all');
    const replay = await issue(support, 'ANY-HQ-REPLAY', { clonedFromTeam: source.id });
    const local = await support.app.handlers.getHistoryRow({ id: replay.historyId });
    expect(local.ok && local.value.clonedFromTeam).toMatchObject({ id: source.id, branch: 'JKT', desk: 'jkt-desk-1' });
    await published(support.app);
    const [server] = await team.sql<{ branch: string; desk: string; cloned_from_branch: string; cloned_from_desk: string }>(
      "SELECT branch, desk, cloned_from_branch, cloned_from_desk FROM faceid_team.calls WHERE biz_no = 'ANY-HQ-REPLAY'",
    );
    expect(server).toEqual({ branch: 'HQ', desk: 'hq-support-1', cloned_from_branch: 'JKT', cloned_from_desk: 'jkt-desk-1' });
    // In "all I may see", the replay's detail links back to the branch call and names its desk.
    const row = await teamRowOf(support, 'ANY-HQ-REPLAY', 'all');
    const detail = await support.app.handlers.getHistoryRow({ id: row.id, scope: 'all' });
    if (!detail.ok) throw new Error(JSON.stringify(detail));
    expect([detail.value.desk, detail.value.clonedFrom, detail.value.clonedFromDesk, detail.value.clonedFromBranch]).toEqual([
      'hq-support-1',
      source.id,
      'jkt-desk-1',
      'JKT',
    ]);
    // ...and the branch call's detail lists the replay among its clones.
    const origin = await support.app.handlers.getHistoryRow({ id: source.id, scope: 'all' });
    expect(origin.ok && origin.value.clones).toEqual([row.id]);
  }, 60_000);
});
