import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/history/store';
import { resultPayloadOf } from '../../main/team/payload';
import { teamGet, teamQuery } from '../../main/team/team-history';
import { upsertResult } from '../../main/team/upsert';
import { syntheticEnd, syntheticStart } from '../support/history-rows';
import { pgOrSkip } from '../support/pg-cluster';
import { type TeamRole } from '../support/team-fixture';
import { useTeamSuite } from '../support/team-suite';

const run = pgOrSkip();

describe.runIf(run)('team history: poison entries, results flowing back, scope filters and the trail across desks', () => {
  let deskA2: TeamRole;
  const suite = useTeamSuite({
    dirPrefix: 'faceid-team-flow-',
    setup: async (fixture) => {
      deskA2 = await fixture.addDesk('desk_jkt2', 'JKT', 'jkt-desk-2');
    },
  });
  const desk = () => suite.desk();
  const { publisher, redact } = suite;
  function write(store: HistoryStore, from: number, count: number, at = Date.now()): void {
    for (let i = from; i < from + count; i++) {
      store.begin(syntheticStart(i, at + i));
      store.complete(syntheticStart(i, at + i).callId, syntheticEnd(i, at + i));
    }
  }
  async function client(role: TeamRole): Promise<pg.Client> {
    const c = new pg.Client(suite.team.config(role));
    await c.connect();
    return c;
  }
  const localId = (store: HistoryStore, bizNo: string) => Number(store.query({ text: bizNo }, Date.now(), 1).rows[0]?.id);

  it('sets aside a call the server refuses for good, publishes the others, and retries or discards it on request', async () => {
    const store = desk();
    write(store, 200_001, 5);
    // The bank's DBA forbids one biz_no: a constraint error, which waiting will not heal.
    await suite.team.sql("ALTER TABLE faceid_team.calls ADD CONSTRAINT no_poison CHECK (biz_no <> 'branch-0200003')");
    try {
      const pub = publisher(store, suite.team.deskA);
      await pub.drain();
      const published = await suite.team.sql<{ biz_no: string }>(
        "SELECT biz_no FROM faceid_team.calls WHERE biz_no LIKE 'branch-02000%' ORDER BY biz_no",
      );
      expect(published.map((r) => r.biz_no)).toEqual(['branch-0200001', 'branch-0200002', 'branch-0200004', 'branch-0200005']);
      const backlog = store.outbox.backlog();
      expect(backlog).toMatchObject({
        waiting: 0,
        quarantined: 1,
        quarantineError: { code: 'TEAM_SERVER_ERROR', params: { sqlstate: '23514' } },
      });
      expect(store.outbox.quarantined()).toMatchObject([{ bizNo: 'branch-0200003', attempts: 3, error: { code: 'TEAM_SERVER_ERROR' } }]);
      // Later writes are not held up behind it.
      write(store, 200_006, 1);
      await pub.drain();
      expect(store.outbox.backlog()).toMatchObject({ waiting: 0, quarantined: 1 });
      // Retrying while the constraint stands sets it aside again; after the DBA lifts it, it goes.
      expect(store.outbox.retryQuarantined()).toBe(1);
      await pub.drain();
      expect(store.outbox.backlog().quarantined).toBe(1);
      await suite.team.sql('ALTER TABLE faceid_team.calls DROP CONSTRAINT no_poison');
      const [one] = store.outbox.quarantined();
      expect(store.outbox.retryQuarantined(one?.globalId)).toBe(1);
      await pub.drain();
      expect(store.outbox.backlog()).toMatchObject({ waiting: 0, quarantined: 0 });
      expect(await suite.team.sql("SELECT biz_no FROM faceid_team.calls WHERE biz_no = 'branch-0200003'")).toHaveLength(1);
      await pub.stop();
    } finally {
      await suite.team.sql('ALTER TABLE faceid_team.calls DROP CONSTRAINT IF EXISTS no_poison');
    }
    // Discarding drops the entry from the queue; the call stays on the desk.
    await suite.team.sql("ALTER TABLE faceid_team.calls ADD CONSTRAINT no_poison2 CHECK (biz_no <> 'branch-0200010')");
    try {
      write(store, 200_010, 1);
      await publisher(store, suite.team.deskA).drain();
      expect(store.outbox.backlog().quarantined).toBe(1);
      expect(store.outbox.discardQuarantined()).toBe(1);
      expect(store.outbox.backlog()).toMatchObject({ waiting: 0, quarantined: 0 });
      expect(store.query({ text: 'branch-0200010' }, Date.now(), 5).total).toBe(1);
    } finally {
      await suite.team.sql('ALTER TABLE faceid_team.calls DROP CONSTRAINT IF EXISTS no_poison2');
    }
    store.close();
  });

  it('brings a result fetched on another desk of the branch back to the desk that issued the token, newest completed state winning', async () => {
    const store = desk();
    write(store, 210_001, 1);
    const pub = publisher(store, suite.team.deskA);
    await pub.drain();
    const [row] = await suite.team.sql<{ global_id: string; id: string }>(
      "SELECT global_id, id FROM faceid_team.calls WHERE biz_no = 'branch-0210001'",
    );
    const globalId = String(row?.global_id);
    const other = await client(deskA2);
    try {
      // Desk 2 of the same branch fetches the result later: a finished one (passed).
      const passed = {
        data: { status: 'OK', images: { image_best: 'AAAA' } },
        status: 'OK',
        fetches: 1,
        fetchedAt: Date.now(),
        verdict: 'passed' as const,
      };
      expect(await upsertResult(other, globalId, resultPayloadOf(passed, redact))).toBe(true);
      // A stale "still running" answer fetched afterwards does not replace it.
      const running = { data: { status: 'PROCESSING' }, status: 'PROCESSING', fetches: 1, fetchedAt: Date.now() + 1000 };
      expect(await upsertResult(other, globalId, resultPayloadOf(running, redact))).toBe(false);
      // Another branch's desk cannot touch the row at all.
      const b = await client(suite.team.deskB);
      expect(
        await upsertResult(
          b,
          globalId,
          resultPayloadOf({ ...passed, fetchedAt: Date.now() + 5000, status: 'FAILED', verdict: 'not-passed' }, redact),
        ),
      ).toBe(false);
      await b.end();
    } finally {
      await other.end();
    }
    const [team1] = await suite.team.sql<{ result_status: string; verdict: string; version: number }>(
      "SELECT result_status, verdict, version FROM faceid_team.calls WHERE biz_no = 'branch-0210001'",
    );
    expect(team1).toEqual({ result_status: 'OK', verdict: 'passed', version: 2 });
    // The issuing desk reads it back when it next syncs: its own list shows the verdict.
    const id = localId(store, 'branch-0210001');
    expect(store.get(id)?.result).toBeUndefined();
    expect(await pub.readBack()).toBe(1);
    expect(store.get(id)).toMatchObject({ resultStatus: 'OK', verdict: 'passed', result: { status: 'OK', fetches: 1 } });
    expect(store.query({ verdict: 'passed', text: 'branch-0210001' }, Date.now(), 5).total).toBe(1);
    // Nothing was queued for it (the team has it), and a second sync changes nothing.
    expect(store.outbox.backlog().waiting).toBe(0);
    expect(await pub.readBack()).toBe(0);
    // The desk's own later finished fetch still wins when it is newer.
    store.storeResult(id, {
      data: { status: 'FAILED' },
      status: 'FAILED',
      fetches: 2,
      fetchedAt: Date.now() + 60_000,
      verdict: 'not-passed',
    });
    await pub.drain();
    const [team2] = await suite.team.sql<{ verdict: string }>("SELECT verdict FROM faceid_team.calls WHERE biz_no = 'branch-0210001'");
    expect(team2?.verdict).toBe('not-passed');
    expect(await pub.readBack()).toBe(0);
    expect(store.get(id)?.verdict).toBe('not-passed');
    await pub.stop();
    store.close();
  });

  it("filters the team scopes by verdict, customer uuid and biz_no family, as the desk's own history does", async () => {
    const store = desk();
    write(store, 220_001, 4);
    const id = localId(store, 'branch-0220002');
    store.storeResult(id, { data: { status: 'OK' }, status: 'OK', fetches: 1, fetchedAt: Date.now(), verdict: 'passed' });
    await publisher(store, suite.team.deskA).drain();
    const s = await client(suite.team.support);
    try {
      const now = Date.now();
      const passed = await teamQuery(s, { verdict: 'passed', bizNoPrefix: 'branch-02200' }, 'all', now, 10);
      expect(passed.rows.map((r) => [r.bizNo, r.verdict, r.desk])).toEqual([['branch-0220002', 'passed', 'jkt-desk-1']]);
      const notFetched = await teamQuery(s, { verdict: 'not-fetched', bizNoPrefix: 'branch-02200' }, 'all', now, 10);
      expect(notFetched.rows.map((r) => r.bizNo)).toEqual(['branch-0220004', 'branch-0220003', 'branch-0220001']);
      const customer = await teamQuery(s, { uuid: 'cust-3', bizNoPrefix: 'branch-02200' }, 'all', now, 10);
      expect(customer.rows.map((r) => r.bizNo)).toEqual(['branch-0220003']);
      // The family prefix is literal: "_" is no wildcard.
      expect((await teamQuery(s, { bizNoPrefix: 'branch_0220' }, 'all', now, 10)).total).toBe(0);
      expect((await teamQuery(s, { text: 'nch-02200', verdict: 'passed' }, 'all', now, 10)).total).toBe(1);
    } finally {
      await s.end();
    }
    store.close();
  });

  it("records a clone of another desk's team call with its origin, and the team row links both ends of the trail", async () => {
    const a = desk();
    write(a, 230_001, 1);
    await publisher(a, suite.team.deskA).drain();
    const s = await client(suite.team.support);
    const b = desk();
    try {
      const source = (await teamQuery(s, { text: 'branch-0230001' }, 'all', Date.now(), 1)).rows[0];
      expect(source?.desk).toBe('jkt-desk-1');
      const full = await teamGet(s, Number(source?.id));
      // Desk B (another branch) replays it: the new local call carries where it came from.
      const start = {
        ...syntheticStart(230_002, Date.now()),
        clonedFromTeam: { id: Number(source?.id), globalId: String(full?.globalId), branch: 'JKT', desk: 'jkt-desk-1' },
      };
      b.begin(start);
      b.complete(start.callId, syntheticEnd(230_002, Date.now()));
      const local = b.get(localId(b, 'branch-0230002'));
      expect(local?.clonedFromTeam).toEqual({ id: Number(source?.id), globalId: full?.globalId, branch: 'JKT', desk: 'jkt-desk-1' });
      await publisher(b, suite.team.deskB).drain();
      const clone = (await teamQuery(s, { text: 'branch-0230002' }, 'all', Date.now(), 1)).rows[0];
      const cloneRow = await teamGet(s, Number(clone?.id));
      expect(cloneRow).toMatchObject({ desk: 'sby-desk-1', clonedFrom: Number(source?.id), clonedFromDesk: 'jkt-desk-1' });
      expect((await teamGet(s, Number(source?.id)))?.clones).toEqual([Number(clone?.id)]);
    } finally {
      await s.end();
      a.close();
      b.close();
    }
  });
});
