import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallWatch } from '../../core/desk';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { HistoryStore } from '../../main/history/store';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';
import { buildHandlers, type HandlerTable } from '../../main/services/handlers';
import { SettingsStore } from '../../main/settings/settings';
import { keyFileCipher } from '../../main/vault/keyfile-cipher';
import { redactorOf } from '../../main/vault/redact';
import { Vault } from '../../main/vault/vault';
import { exportText } from '../support/export-text';

const PARAMS = { return_url: 'https://bank.example/r', notify_url: 'https://bank.example/n', comparison_type: '-1' };

async function waitFor<T>(read: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 40));
  }
}

async function issue(handlers: HandlerTable, profileId: string, bizNo: string) {
  const r = await handlers.issueToken({
    callId: `desk-${bizNo}`,
    profileId,
    params: { ...PARAMS, biz_no: bizNo, uuid: `customer-${bizNo}` },
    photos: {},
  });
  if (!r.ok || r.value.outcome !== 'issued' || r.value.historyId === undefined) throw new Error(JSON.stringify(r));
  return { ...r.value, historyId: r.value.historyId };
}

async function watch(handlers: HandlerTable, id: number): Promise<CallWatch> {
  const r = await handlers.watchCalls({ historyIds: [id] });
  if (!r.ok || !r.value[0]) throw new Error(JSON.stringify(r));
  return r.value[0];
}

const submit = (url: string, preset: string) => fetch(url, { method: 'POST', body: new URLSearchParams({ preset }), redirect: 'manual' });

describe("the desk's live status on the embedded sandbox", () => {
  let dir: string;
  let app: ConsoleApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-desk-'));
    app = await startConsoleApp({ dataDir: dir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("follows issued → opened → passed from the sandbox's events, stores the verdict and keeps the best frame in memory only", async () => {
    const t = await issue(app.handlers, 'sandbox', 'desk-1');
    expect(await watch(app.handlers, t.historyId)).toMatchObject({
      state: { stage: 'issued' },
      source: 'events',
      budget: { left: 3, mayPoll: true },
    });
    expect((await fetch(t.livenessUrl)).status).toBe(200);
    const opened = await watch(app.handlers, t.historyId);
    expect(opened.state.stage).toBe('in-progress');
    expect(opened.state.openedAt).toBeTypeOf('number');
    expect((await submit(t.livenessUrl, 'passed')).status).toBeLessThan(400);
    const done = await waitFor(async () => {
      const w = await watch(app.handlers, t.historyId);
      return w.state.stage === 'passed' ? w : undefined;
    });
    expect(done.budget).toMatchObject({ left: 2, mayPoll: false, mayFetch: true });
    const row = await app.handlers.getHistoryRow({ id: t.historyId });
    expect(row).toMatchObject({ ok: true, value: { verdict: 'passed', result: { verdict: 'passed', level: '1e-4', fetches: 1 } } });
    // Photos are not kept: no frame on disk, but the desk can show it this session.
    expect(row.ok && row.value.result?.bestImageSha256).toBeUndefined();
    const best = await app.handlers.getBestImage({ historyId: t.historyId });
    expect(best.ok && best.value.dataBase64 && Buffer.from(best.value.dataBase64, 'base64').subarray(0, 2)).toEqual(
      Buffer.from([0xff, 0xd8]),
    );
    const passed = await app.handlers.queryHistory({ filter: { verdict: 'passed' }, limit: 10 });
    expect(passed.ok && passed.value.rows.map((r) => r.bizNo)).toEqual(['desk-1']);
    const csv = await exportText(app.handlers, app.downloads, { filter: { verdict: 'passed' }, format: 'csv' });
    const [head, line] = csv.ok && csv.value.kind === 'rows' ? csv.value.text.trim().split('\n') : [];
    // The result columns close each line; the params JSON before them holds commas of its own.
    expect(head).toMatch(
      /,verdict,result_status,liveness,ref1_confidence,ref2_confidence,match_level,result_fetches,verify_time,result_fetched_at$/,
    );
    expect(line).toMatch(/,passed,OK,PASS,,,1e-4,1,\d{10},\d{4}-\d\d-\d\dT[\d:.]+Z$/);
  });

  it('reads a cancelled flow and a failed liveness as their verdicts, and filters the history by them', async () => {
    const c = await issue(app.handlers, 'sandbox', 'desk-2');
    await fetch(c.livenessUrl);
    await submit(c.livenessUrl, 'cancelled');
    const l = await issue(app.handlers, 'sandbox', 'desk-3');
    await fetch(l.livenessUrl);
    await submit(l.livenessUrl, 'liveness-failed');
    const lw = await waitFor(async () => {
      const w = await watch(app.handlers, l.historyId);
      return w.state.stage === 'not-passed' ? w : undefined;
    });
    expect(lw.state.reasons).toEqual(['liveness-failed']);
    await waitFor(async () => ((await watch(app.handlers, c.historyId)).state.stage === 'cancelled' ? true : undefined));
    const cancelled = await app.handlers.queryHistory({ filter: { verdict: 'cancelled' }, limit: 10 });
    expect(cancelled.ok && cancelled.value.rows.map((r) => r.bizNo)).toEqual(['desk-2']);
    const notPassed = await app.handlers.queryHistory({ filter: { verdict: 'not-passed' }, limit: 10 });
    expect(notPassed.ok && notPassed.value.rows.map((r) => r.verdict)).toEqual(['not-passed']);
    await issue(app.handlers, 'sandbox', 'desk-4');
    const notFetched = await app.handlers.queryHistory({ filter: { verdict: 'not-fetched' }, limit: 10 });
    expect(notFetched.ok && notFetched.value.rows.map((r) => r.bizNo)).toEqual(['desk-4']);
  });

  it("leaves the record to the browser's print where no desktop printer is bound", async () => {
    const t = await issue(app.handlers, 'sandbox', 'desk-5');
    expect(await app.handlers.saveRecordPdf({ historyId: t.historyId })).toMatchObject({ ok: false, error: { code: 'USE_BROWSER_PRINT' } });
    expect(await app.handlers.saveRecordPdf({ historyId: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'historyId' },
    });
  });

  it('refuses a malformed watch request, naming the field', async () => {
    expect(await app.handlers.watchCalls({ historyIds: [0] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'historyIds.0' },
    });
  });
});

describe('budgeted polling of a real profile', () => {
  let dir: string;
  let upstream: Sandbox;
  let handlers: HandlerTable;
  let profileId: string;
  let resultCalls = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-desk-poll-'));
    // A standalone sandbox stands in for the vendor: the console sees no events from it.
    upstream = await createSandbox({ apiKey: 'real-key', apiSecret: 'real-secret-CANARY' });
    const embedded = await createSandbox({ apiKey: 'emb-key', apiSecret: 'emb-secret' });
    const vault = await Vault.open({
      dataDir: dir,
      cipher: keyFileCipher(dir),
      sandbox: { baseUrl: embedded.baseUrl, apiKey: 'emb-key', apiSecret: 'emb-secret' },
    });
    const history = HistoryStore.open(join(dir, 'history.sqlite3'), { redact: redactorOf(() => vault.knownSecrets()) });
    handlers = buildHandlers({
      vault,
      history,
      settings: SettingsStore.open(dir),
      timeoutMs: 5_000,
      pollIntervalMs: 0,
      log: (l) => l.startsWith('fetchResult') && resultCalls++,
    }).table;
    await embedded.close();
    const p = await handlers.createProfile({
      profile: {
        name: 'Branch test',
        color: '#805ad5',
        environment: 'test',
        region: 'custom',
        baseUrl: upstream.baseUrl,
        apiKey: 'real-key',
        secret: 'real-secret-CANARY',
        defaults: {},
        desk: { matchLevel: '1e-5', pollResults: true, branch: 'Jakarta Sudirman' },
      },
    });
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.desk).toEqual({ matchLevel: '1e-5', pollResults: true, branch: 'Jakarta Sudirman' });
    profileId = p.value.id;
  });
  afterAll(async () => {
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('polls a running flow for free, spends one answer when it ends, then stops polling', async () => {
    const t = await issue(handlers, profileId, 'poll-1');
    expect(await watch(handlers, t.historyId)).toMatchObject({ source: 'polling', state: { stage: 'issued' } });
    await fetch(t.livenessUrl);
    await waitFor(async () => ((await watch(handlers, t.historyId)).state.stage === 'in-progress' ? true : undefined));
    const row = await handlers.getHistoryRow({ id: t.historyId });
    expect(row.ok && row.value.result).toMatchObject({ status: 'PROCESSING', fetches: 0 });
    await submit(t.livenessUrl, 'passed');
    const done = await waitFor(async () => {
      const w = await watch(handlers, t.historyId);
      return w.state.stage === 'passed' ? w : undefined;
    });
    // No comparison was asked for, so the verdict names no level; the row keeps the profile's.
    expect(done.state.level).toBeUndefined();
    expect(done.budget).toMatchObject({ left: 2, mayPoll: false });
    const callsThen = resultCalls;
    for (let i = 0; i < 5; i++) await watch(handlers, t.historyId);
    await new Promise((r) => setTimeout(r, 100));
    expect(resultCalls).toBe(callsThen);
    const stored = await handlers.getHistoryRow({ id: t.historyId });
    expect(stored.ok && stored.value.result).toMatchObject({ fetches: 1, level: '1e-5', verdict: 'passed' });
    // The record's branch is the one of the call's time, kept in the row.
    expect(stored.ok && stored.value.branch).toBe('Jakarta Sudirman');
  });

  it('a profile that does not allow polling is only watched, never fetched', async () => {
    const p = await handlers.updateProfile({
      profileId,
      profile: {
        name: 'Branch test',
        color: '#805ad5',
        environment: 'test',
        region: 'custom',
        baseUrl: upstream.baseUrl,
        defaults: {},
        desk: { matchLevel: '1e-4', pollResults: false, branch: '' },
      },
    });
    expect(p.ok).toBe(true);
    const t = await issue(handlers, profileId, 'poll-2');
    const before = resultCalls;
    expect(await watch(handlers, t.historyId)).toMatchObject({ source: 'manual', state: { stage: 'issued' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(resultCalls).toBe(before);
  });
});
