import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/history/store';
import { HISTORY_MIGRATIONS } from '../../main/history/schema';
import { redactorOf } from '../../main/vault/redact';
import { syntheticEnd, syntheticStart } from '../support/history-rows';

const NO_SECRETS = { redact: redactorOf(() => []) };
const T0 = Date.UTC(2026, 10, 29, 8, 0, 0);

describe('history substring search', () => {
  let dir: string;
  let file: string;
  let store: HistoryStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-search-'));
    file = join(dir, 'history.sqlite3');
    store = HistoryStore.open(file, NO_SECRETS);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const add = (n: number, over: { biz_no?: string; biz_extra_data?: string; operator?: string } = {}) => {
    const start = syntheticStart(n, T0 + n * 1000);
    const params = {
      ...start.params,
      ...(over.biz_no ? { biz_no: over.biz_no } : {}),
      ...(over.biz_extra_data ? { biz_extra_data: over.biz_extra_data } : {}),
    };
    store.begin({ ...start, params, operator: over.operator ?? start.operator });
    store.complete(start.callId, syntheticEnd(n, T0 + n * 1000 + 20));
    return store.idOf(start.callId) ?? 0;
  };
  const ids = (text: string) => store.query({ text }, T0, 100).rows.map((r) => r.id);

  it('finds a biz_no by a middle fragment in another letter case', () => {
    for (let n = 1; n <= 20; n++) add(n);
    const loan = add(21, { biz_no: 'LOAN-88213' });
    expect(ids('loan-88213')).toEqual([loan]);
    expect(ids('88213')).toEqual([loan]);
    expect(ids('an-882')).toEqual([loan]);
    expect(ids('Loan-88213-x')).toEqual([]);
  });

  it('searches biz_extra_data, error code and field, profile and operator', () => {
    const a = add(1, { biz_extra_data: '{"branch":"Surabaya-Timur","case":"CS-4471"}' });
    const failed = add(7); // syntheticEnd(7) fails with BAD_ARGUMENTS: scene_id
    const b = add(2, { operator: 'Siti Rahma' });
    expect(ids('surabaya')).toEqual([a]);
    expect(ids('cs-4471')).toEqual([a]);
    expect(ids('bad_arg')).toEqual([failed]);
    expect(ids('scene_id')).toEqual([failed]);
    expect(ids('rahma')).toEqual([b]);
    expect(ids('built-in')).toContain(a);
  });

  it('finds values written when the call completes, and forgets deleted rows', () => {
    const id = add(3);
    const row = store.get(id);
    const middle = (row?.bizId ?? '').slice(12, 24).toUpperCase();
    expect(ids(middle)).toEqual([id]);
    expect(ids((row?.requestId ?? '').slice(-10))).toEqual([id]);
    store.delete({}, T0);
    expect(ids(middle)).toEqual([]);
  });

  it('pages through a fragment search newest first, and deletes exactly what it found', () => {
    for (let n = 1; n <= 25; n++) add(n);
    const first = store.query({ text: 'ANCH-000000' }, T0, 10);
    expect(first.total).toBe(9);
    expect(
      store
        .query({ text: 'anch-0000' }, T0, 10)
        .rows.map((r) => r.bizNo)
        .slice(0, 3),
    ).toEqual(['branch-0000025', 'branch-0000024', 'branch-0000023']);
    const all: string[] = [];
    let page = store.query({ text: 'anch-0000' }, T0, 10);
    for (;;) {
      all.push(...page.rows.map((r) => r.bizNo));
      if (!page.next) break;
      page = store.query({ text: 'anch-0000' }, T0, 10, page.next);
    }
    expect(all).toHaveLength(25);
    expect(new Set(all).size).toBe(25);
    expect(store.delete({ text: 'ANCH-000000', status: 'failed' }, T0)).toBe(1);
    expect(store.query({}, T0, 100).total).toBe(24);
  });

  it('shows one customer: every call for exactly one uuid, or one biz_no family, newest first', () => {
    const a = add(1, { biz_no: 'LOAN-88213' });
    const b = add(5001, { biz_no: 'LOAN-88213-retry' }); // uuid cust-1 again (n % 5000)
    add(2, { biz_no: 'LOAN-88214' });
    expect(store.query({ uuid: 'cust-1' }, T0, 10).rows.map((r) => r.id)).toEqual([b, a]);
    expect(store.query({ bizNoPrefix: 'LOAN-88213' }, T0, 10).rows.map((r) => r.id)).toEqual([b, a]);
  });

  it('requires every word to match', () => {
    const a = add(1, { biz_no: 'LOAN-1', operator: 'desk-7' });
    add(2, { biz_no: 'LOAN-2', operator: 'desk-9' });
    expect(ids('loan desk-7')).toEqual([a]);
  });

  it('matches one or two characters at the start of an id, in either case', () => {
    const a = add(1, { biz_no: 'LOAN-1' });
    add(2, { biz_no: 'card-2' });
    expect(ids('lo')).toEqual([a]);
    expect(ids('L')).toEqual([a]);
    expect(ids('oa')).toEqual([]);
  });

  it('treats every character of the search as text, never as query syntax', () => {
    for (let n = 1; n <= 5; n++) add(n);
    add(6, { biz_no: 'x"y*z(OR)-NEAR' });
    expect(ids('"y*z(or)')).toHaveLength(1);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(() => store.query({ text }, T0, 10)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('indexes the rows of a database written before the search index existed', () => {
    add(1, { biz_no: 'LEGACY-0042' });
    store.close();
    // Take the database back to schema 2 as an older console left it: no index, no trail column.
    const db = new Database(file);
    db.exec(
      'DROP TABLE calls_search; DROP TRIGGER IF EXISTS calls_search_insert; DROP TRIGGER IF EXISTS calls_search_update; DROP TRIGGER IF EXISTS calls_search_delete;',
    );
    db.exec('DROP INDEX calls_cloned_from; ALTER TABLE calls DROP COLUMN cloned_from;');
    // ...and without what later migrations added.
    db.exec(
      'DROP TABLE team_sync; DROP INDEX outbox_quarantined; ALTER TABLE outbox DROP COLUMN attempts; ALTER TABLE outbox DROP COLUMN last_error; ALTER TABLE outbox DROP COLUMN quarantined_at; ALTER TABLE calls DROP COLUMN cloned_from_team; ALTER TABLE calls DROP COLUMN exchange_json;',
    );
    db.pragma(`user_version = ${HISTORY_MIGRATIONS.findIndex((m) => m.includes('USING fts5'))}`);
    db.close();
    store = HistoryStore.open(file, NO_SECRETS);
    expect(ids('acy-004')).toHaveLength(1);
  });
});
