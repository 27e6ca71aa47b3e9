import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/history/store';
import { buildHandlers, type HandlerTable } from '../../main/services/handlers';
import { SettingsStore } from '../../main/settings/settings';
import { TeamService } from '../../main/team/service';
import { TeamConfigStore } from '../../main/team/team-config';
import { keyFileCipher } from '../../main/vault/keyfile-cipher';
import { redactorOf } from '../../main/vault/redact';
import { Vault } from '../../main/vault/vault';
import { syntheticEnd, syntheticStart } from '../support/history-rows';
import { pgOrSkip } from '../support/pg-cluster';
import { startTeam, type TeamFixture } from '../support/team-fixture';

const run = pgOrSkip();

describe.runIf(run)('the history operations over the team store', () => {
  let team: TeamFixture;
  let dir: string;
  let handlers: HandlerTable;
  let service: TeamService;
  let history: HistoryStore;

  beforeAll(async () => {
    team = await startTeam();
    dir = mkdtempSync(join(tmpdir(), 'faceid-team-ops-'));
    const cipher = keyFileCipher(dir);
    const vault = await Vault.open({
      dataDir: dir,
      cipher,
      sandbox: { baseUrl: 'http://127.0.0.1:9', apiKey: 'k', apiSecret: 'sandbox-secret-for-ops' },
    });
    const config = TeamConfigStore.open(dir, cipher);
    const secrets = () => [...vault.knownSecrets(), ...config.knownSecrets()];
    history = HistoryStore.open(join(dir, 'history.sqlite3'), { redact: redactorOf(secrets) });
    const settings = SettingsStore.open(dir);
    service = new TeamService({ config, history, redact: redactorOf(secrets), keepPhotos: () => false });
    handlers = buildHandlers({ vault, history, settings, team: service }).table;
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    history?.close();
    await team?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('publishes once enabled, answers the branch scope from the team store, and never returns or stores the password in the clear', async () => {
    const base = Date.now();
    for (let i = 1; i <= 5; i++) {
      history.begin(syntheticStart(400_000 + i, base + i));
      history.complete(syntheticStart(400_000 + i, base + i).callId, syntheticEnd(400_000 + i, base + i));
    }
    const off = await handlers.getTeamStatus({});
    expect(off.ok && off.value).toMatchObject({ state: 'off', waiting: 5, hasPassword: false });

    const updated = await handlers.updateTeamSettings({
      settings: {
        enabled: true,
        host: '127.0.0.1',
        port: team.cluster.port,
        database: team.database,
        user: team.deskA.user,
        tlsMode: 'disable',
      },
      password: team.deskA.password,
    });
    expect(updated.ok).toBe(true);
    expect(JSON.stringify(updated)).not.toContain(team.deskA.password);
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f)).toString('utf8')).not.toContain(team.deskA.password);

    const end = Date.now() + 15_000;
    for (;;) {
      const s = await handlers.getTeamStatus({});
      if (s.ok && s.value.waiting === 0 && s.value.state === 'idle') {
        expect(s.value).toMatchObject({ branch: 'JKT', desk: 'jkt-desk-1', hasPassword: true });
        break;
      }
      if (Date.now() > end) throw new Error(`not published: ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 50));
    }

    const page = await handlers.queryHistory({ filter: { scope: 'branch', text: 'nch-04000' }, limit: 10 });
    expect(page.ok && page.value.rows.map((r) => [r.bizNo, r.branch, r.desk])).toEqual(
      [5, 4, 3, 2, 1].map((i) => [`branch-040000${i}`, 'JKT', 'jkt-desk-1']),
    );
    const local = await handlers.queryHistory({ filter: { scope: 'desk', text: 'branch-04000' }, limit: 10 });
    expect(local.ok && local.value.total).toBe(5);
    // A team call opens by its team id, with the desk it came from.
    const teamId = page.ok ? page.value.rows[0]?.id : undefined;
    const one = await handlers.getHistoryRow({ id: Number(teamId), scope: 'branch' });
    expect(one.ok && [one.value.bizNo, one.value.desk, one.value.params.biz_no, one.value.status]).toEqual([
      'branch-0400005',
      'jkt-desk-1',
      'branch-0400005',
      'issued',
    ]);
    expect(await handlers.getHistoryRow({ id: 999_999, scope: 'all' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 30_000);

  it('refuses to delete or export the team history from a desk, naming the field', async () => {
    const del = await handlers.deleteHistory({ filter: { scope: 'branch' } });
    expect(del).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'filter.scope' } });
    const exp = await handlers.saveHistoryExport({ filter: { scope: 'all' }, format: 'csv' });
    expect(exp).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'filter.scope' } });
  });
});
