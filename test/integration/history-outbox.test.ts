import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_MIGRATIONS } from '../../main/history/schema';
import { HistoryStore } from '../../main/history/store';
import { redactorOf } from '../../main/vault/redact';
import { syntheticEnd, syntheticStart } from '../support/history-rows';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the history outbox', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-outbox-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const open = (f = 'h.sqlite3') => HistoryStore.open(join(dir, f), { redact: redactorOf(() => []) });

  it("adds one entry per write — start, completion, result, interruption — each with the call's global UUID", () => {
    const store = open();
    store.begin(syntheticStart(1, 1000));
    store.complete(syntheticStart(1, 1000).callId, syntheticEnd(1, 1100));
    store.begin(syntheticStart(2, 2000));
    const id = store.idOf(syntheticStart(1, 1000).callId) ?? 0;
    store.storeResult(id, { data: { status: 'OK' }, status: 'OK', fetches: 1, fetchedAt: 3000 });
    store.markInterrupted(4000);
    const entries = store.outbox.next(10);
    expect(entries.map((e) => [e.kind, e.createdAt])).toEqual([
      ['start', 1000],
      ['end', 1100],
      ['start', 2000],
      ['result', 3000],
      ['end', 4000],
    ]);
    expect(new Set(entries.map((e) => e.globalId)).size).toBe(2);
    for (const e of entries) expect(e.globalId).toMatch(UUID_V4);
    expect(entries[4]?.row?.status).toBe('unknown');
    expect(store.outbox.backlog()).toEqual({ waiting: 2, oldestAt: 1000, quarantined: 0 });
    store.outbox.acknowledge(entries[2]?.seq ?? 0);
    expect(store.outbox.next(10).map((e) => e.kind)).toEqual(['result', 'end']);
    store.close();
  });

  it('writes no entry for a completion that found no call, and drops the entries of a deleted call', () => {
    const store = open();
    store.complete('no-such-call', syntheticEnd(9, 9000));
    expect(store.outbox.backlog().waiting).toBe(0);
    store.begin(syntheticStart(3, 3000));
    store.complete(syntheticStart(3, 3000).callId, syntheticEnd(3, 3100));
    store.delete({}, 10_000);
    expect(store.outbox.next(10)).toEqual([]);
    store.close();
  });

  it('gives calls of an older database a global id and queues them once, so joining a team publishes them', () => {
    // A database as the console before the outbox left it, with two calls.
    const file = join(dir, 'old.sqlite3');
    const before = HISTORY_MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE outbox'));
    expect(before).toBeGreaterThan(0);
    const db = new Database(file);
    for (const m of HISTORY_MIGRATIONS.slice(0, before)) db.exec(m);
    db.pragma(`user_version = ${before}`);
    const insert = db.prepare(
      "INSERT INTO calls (call_id, started_at, status, profile_id, profile_name, environment, base_url, params_json) VALUES (?, ?, ?, 'p', 'P', 'test', 'x', '{}')",
    );
    insert.run('old-1', 1000, 'issued');
    insert.run('old-2', 2000, 'pending');
    db.close();

    const again = open('old.sqlite3');
    const entries = again.outbox.next(10);
    expect(entries.map((e) => e.kind)).toEqual(['end', 'start']);
    expect(new Set(entries.map((e) => e.globalId)).size).toBe(2);
    for (const e of entries) expect(e.globalId).toMatch(UUID_V4);
    again.close();
  });
});
