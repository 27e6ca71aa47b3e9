/**
 * A support or auditor login the DBA did not map in faceid_team.desks (issue #15; `team init`
 * calls the mapping optional): it reads the team history but may publish nothing. The publisher
 * must say so as a state, not loop on an error: no backoff, no new connections, the desk's own
 * calls kept in the outbox — and publish them once the DBA maps the login. A desk role left
 * unmapped stays an error, retried with backoff, as before.
 */
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/history/store';
import { TeamPublisher } from '../../main/team/publisher';
import { syntheticEnd, syntheticStart } from '../support/history-rows';
import { pgOrSkip } from '../support/pg-cluster';
import { type TeamRole } from '../support/team-fixture';
import { useTeamSuite } from '../support/team-suite';
import { waitFor } from '../support/wait-for';

const run = pgOrSkip();
const BACKOFF = { firstMs: 20, maxMs: 200 };
/** Several times the backoff ceiling: an error loop would have reconnected a few times by then. */
const SEVERAL_BACKOFFS_MS = BACKOFF.maxMs * 6;

describe.runIf(run)('a read-only team login (support or auditor, not mapped as a desk)', () => {
  const suite = useTeamSuite({ dirPrefix: 'faceid-team-ro-' });
  const store = () => suite.desk('ro');

  async function login(user: string, group: string): Promise<TeamRole> {
    const password = `pw-${user}-${Math.random().toString(36).slice(2)}`;
    await suite.team.sql(`CREATE ROLE ${user} LOGIN PASSWORD '${password}' IN ROLE ${group}`);
    return { user, password };
  }

  /** A publisher that counts the connections it opens (it asks for the settings once per connection). */
  function publisher(s: HistoryStore, role: TeamRole): { pub: TeamPublisher; connections: () => number } {
    let opened = 0;
    const pub = suite.publisher(s, role, {
      connection: async () => {
        opened++;
        return suite.team.config(role);
      },
      batchSize: undefined,
      backoff: BACKOFF,
    });
    return { pub, connections: () => opened };
  }

  function write(s: HistoryStore, count: number, from: number): void {
    const base = Date.now();
    for (let i = from; i < from + count; i++) {
      s.begin(syntheticStart(i, base + i));
      s.complete(syntheticStart(i, base + i).callId, syntheticEnd(i, base + i));
    }
  }

  const teamRows = (desk: string) =>
    suite.team.sql<{ biz_no: string; branch: string; desk: string }>(
      'SELECT biz_no, branch, desk FROM faceid_team.calls WHERE desk = $1 ORDER BY biz_no',
      [desk],
    );

  it('keeps an unmapped support login read-only without retrying, and publishes its kept calls once the DBA maps it', async () => {
    const role = await login('support_ro_live', 'faceid_support');
    const s = store();
    write(s, 3, 40_000);
    const { pub, connections } = publisher(s, role);
    pub.start();
    await waitFor(() => pub.status().state === 'read-only', 10_000);
    expect(pub.status()).toMatchObject({ state: 'read-only', readOnly: { kind: 'support', user: 'support_ro_live' }, waiting: 3 });
    const opened = connections();
    await new Promise((r) => setTimeout(r, SEVERAL_BACKOFFS_MS));
    // No error, no backoff, no reconnect: the one connection is held and nothing was sent.
    const status = pub.status();
    expect(status.state).toBe('read-only');
    expect(status.lastError).toBeUndefined();
    expect(status.nextAttemptAt).toBeUndefined();
    expect(status.lastPublishedAt).toBeUndefined();
    expect(status.waiting).toBe(3);
    expect(connections()).toBe(opened);
    expect(opened).toBe(1);
    // A new call made meanwhile (a replay, say) is kept too.
    write(s, 1, 40_003);
    pub.nudge();
    await waitFor(() => pub.status().waiting === 4, 5_000);
    expect(pub.status().state).toBe('read-only');

    // The DBA maps the login as a head-office desk: the publisher sees it on the connection it holds.
    await suite.team.sql("INSERT INTO faceid_team.desks (role_name, branch, desk) VALUES ('support_ro_live', 'HQ', 'hq-support-live')");
    await waitFor(() => pub.status().waiting === 0 && pub.status().state === 'idle', 10_000);
    expect(pub.status()).toMatchObject({ branch: 'HQ', desk: 'hq-support-live', quarantined: 0 });
    expect(pub.status().readOnly).toBeUndefined();
    expect(pub.status().lastError).toBeUndefined();
    expect(connections()).toBe(1);
    expect(await teamRows('hq-support-live')).toEqual(
      ['branch-0040000', 'branch-0040001', 'branch-0040002', 'branch-0040003'].map((biz_no) => ({
        biz_no,
        branch: 'HQ',
        desk: 'hq-support-live',
      })),
    );
    await pub.stop();
    s.close();
  }, 30_000);

  it('keeps the calls through a restart and publishes them at the next connection after the mapping', async () => {
    const role = await login('support_ro_restart', 'faceid_support');
    const s = store();
    write(s, 2, 41_000);
    const first = publisher(s, role);
    first.pub.start();
    await waitFor(() => first.pub.status().state === 'read-only', 10_000);
    // A drain asked for directly publishes nothing either, and fails nothing.
    await first.pub.drain();
    expect(first.pub.status().waiting).toBe(2);
    await first.pub.stop();
    expect(await teamRows('hq-support-restart')).toEqual([]);

    await suite.team.sql(
      "INSERT INTO faceid_team.desks (role_name, branch, desk) VALUES ('support_ro_restart', 'HQ', 'hq-support-restart')",
    );
    const second = publisher(s, role);
    second.pub.start();
    await waitFor(() => second.pub.status().waiting === 0 && second.pub.status().state === 'idle', 10_000);
    expect(second.pub.status()).toMatchObject({ branch: 'HQ', desk: 'hq-support-restart' });
    expect((await teamRows('hq-support-restart')).map((r) => r.biz_no)).toEqual(['branch-0041000', 'branch-0041001']);
    await second.pub.stop();
    s.close();
  }, 30_000);

  it('keeps an unmapped auditor login read-only too, as an auditor', async () => {
    const s = store();
    write(s, 1, 42_000);
    const { pub, connections } = publisher(s, suite.team.auditor);
    pub.start();
    await waitFor(() => pub.status().state === 'read-only', 10_000);
    await new Promise((r) => setTimeout(r, SEVERAL_BACKOFFS_MS));
    expect(pub.status()).toMatchObject({ state: 'read-only', readOnly: { kind: 'auditor', user: 'auditor_hq' }, waiting: 1 });
    expect(pub.status().lastError).toBeUndefined();
    expect(connections()).toBe(1);
    // Mapped by the DBA after all, an auditor still writes nothing (the schema grants it no insert).
    await suite.team.sql("INSERT INTO faceid_team.desks VALUES ('auditor_hq', 'HQ', 'hq-audit')");
    try {
      await new Promise((r) => setTimeout(r, SEVERAL_BACKOFFS_MS));
      expect(pub.status()).toMatchObject({ state: 'read-only', readOnly: { kind: 'auditor' }, waiting: 1 });
      expect(pub.status().lastError).toBeUndefined();
      expect(connections()).toBe(1);
    } finally {
      await suite.team.sql("DELETE FROM faceid_team.desks WHERE role_name = 'auditor_hq'");
    }
    await pub.stop();
    s.close();
  }, 30_000);

  it('still names an unmapped desk role as an error and retries it with backoff', async () => {
    const role = await login('desk_unmapped', 'faceid_desk');
    const s = store();
    write(s, 1, 43_000);
    const { pub, connections } = publisher(s, role);
    pub.start();
    await waitFor(() => pub.status().lastError !== undefined, 10_000);
    expect(pub.status().lastError).toMatchObject({ code: 'TEAM_NOT_A_DESK', params: { user: 'desk_unmapped' } });
    expect(pub.status().readOnly).toBeUndefined();
    // Each attempt opens a new connection: the count grows while the error lasts.
    await waitFor(() => connections() >= 3, 10_000);
    expect(['backing-off', 'publishing']).toContain(pub.status().state);
    expect(pub.status().waiting).toBe(1);
    await pub.stop();
    s.close();
  }, 30_000);
});
