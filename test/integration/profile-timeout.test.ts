/**
 * The client timeout is a profile setting (default 30 s): the handler table uses it for the
 * profile's calls, so a sandbox answer slower than it is recorded as an unknown outcome — the
 * way a support agent reproduces one — with the exchange's timings kept on the history row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_TIMEOUT_DEFAULT_MS } from '../../core/client-timeout';
import { HistoryStore } from '../../main/history/store';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';
import { buildHandlers, type HandlerTable } from '../../main/services/handlers';
import { SettingsStore } from '../../main/settings/settings';
import { keyFileCipher } from '../../main/vault/keyfile-cipher';
import { redactorOf } from '../../main/vault/redact';
import { Vault } from '../../main/vault/vault';

const KEY = 'timeout-key';
const SECRET = 'timeout-secret-CANARY';
let sandbox: Sandbox;
let handlers: HandlerTable;
let history: HistoryStore;
let vault: Vault;
let dir: string;
let seq = 0;

const openVault = () =>
  Vault.open({ dataDir: dir, cipher: keyFileCipher(dir), sandbox: { baseUrl: sandbox.baseUrl, apiKey: KEY, apiSecret: SECRET } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faceid-timeout-'));
  sandbox = await createSandbox({ apiKey: KEY, apiSecret: SECRET });
  vault = await openVault();
  history = HistoryStore.open(join(dir, 'history.sqlite3'), { redact: redactorOf(() => vault.knownSecrets()) });
  // No console-wide timeout: each profile's own applies.
  handlers = buildHandlers({ vault, history, settings: SettingsStore.open(dir) }).table;
});

afterAll(async () => {
  await sandbox.close();
  history.close();
  rmSync(dir, { recursive: true, force: true });
});

const params = () => ({
  return_url: 'https://example.com/r',
  notify_url: 'https://example.com/n',
  comparison_type: '-1',
  uuid: 'timeout-customer',
  biz_no: `timeout-${++seq}`,
});
const custom = (over: Record<string, unknown> = {}) => ({
  name: `Local ${++seq}`,
  color: '#805ad5',
  environment: 'test' as const,
  region: 'custom' as const,
  baseUrl: sandbox.baseUrl,
  apiKey: KEY,
  secret: SECRET,
  defaults: {},
  ...over,
});

describe('per-profile client timeout', () => {
  it('is 30 s for a profile that never set one, and is kept across a restart once set', async () => {
    const created = await handlers.createProfile({ profile: custom() });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.timeoutMs).toBe(CLIENT_TIMEOUT_DEFAULT_MS);
    const updated = await handlers.updateProfile({
      profileId: created.value.id,
      profile: { ...custom(), name: created.value.name, timeoutMs: 4_500 },
    });
    expect(updated.ok && updated.value.timeoutMs).toBe(4_500);
    const reopened = await openVault();
    expect((await reopened.summaryOf(created.value.id)).timeoutMs).toBe(4_500);
    expect((await reopened.resolve(created.value.id))?.timeoutMs).toBe(4_500);
  });

  it('refuses a timeout outside 1 s – 5 min, naming the field', async () => {
    for (const timeoutMs of [999, 300_001, 1.5]) {
      const r = await handlers.createProfile({ profile: custom({ timeoutMs }) });
      expect(r.ok).toBe(false);
      expect(!r.ok && JSON.stringify(r.error)).toContain('timeoutMs');
    }
  });

  it('a sandbox answer slower than the profile timeout is an unknown outcome, recorded with its timings', async () => {
    const created = await handlers.createProfile({ profile: custom({ timeoutMs: 1_000 }) });
    if (!created.ok) throw new Error(created.error.message);
    sandbox.faults.set({ latencyMs: 3_000, operation: 'get_token' });
    const r = await handlers.issueToken({ callId: `timeout-call-${seq}`, profileId: created.value.id, params: params(), photos: {} });
    sandbox.faults.clear();
    expect(r.ok && r.value).toMatchObject({ outcome: 'unknown', error: { code: 'TIMEOUT' } });
    expect(r.ok && r.value.elapsedMs).toBeGreaterThanOrEqual(990);
    expect(r.ok && r.value.elapsedMs).toBeLessThan(2_500);
    const id = r.ok ? r.value.historyId : undefined;
    if (id === undefined) throw new Error('no history row');
    const row = await handlers.getHistoryRow({ id });
    expect(row.ok && row.value).toMatchObject({ status: 'unknown', errorCode: 'TIMEOUT' });
    const x = row.ok ? row.value.exchange : undefined;
    expect(x?.requestLine).toBe('POST /faceid/lite/get_token HTTP/1.1');
    expect(x?.timings.uploadMs).toBeGreaterThanOrEqual(0);
    expect(x?.timings.waitMs).toBeUndefined();
    expect(JSON.stringify(row)).not.toContain(SECRET);
  });

  it('the built-in sandbox profile keeps its own timeout, and a fast answer within it is issued with every phase timed', async () => {
    const set = await handlers.updateProfile({
      profileId: 'sandbox',
      profile: { name: 'Sandbox (built-in)', color: '#2f855a', environment: 'sandbox', region: 'custom', defaults: {}, timeoutMs: 2_000 },
    });
    expect(set.ok && set.value.timeoutMs).toBe(2_000);
    sandbox.faults.set({ latencyMs: 300, operation: 'get_token' });
    const r = await handlers.issueToken({ callId: `timeout-call-${++seq}`, profileId: 'sandbox', params: params(), photos: {} });
    expect(r.ok && r.value.outcome).toBe('issued');
    const id = r.ok ? r.value.historyId : undefined;
    if (id === undefined) throw new Error('no history row');
    const row = await handlers.getHistoryRow({ id });
    const t = row.ok ? row.value.exchange?.timings : undefined;
    expect(t?.waitMs).toBeGreaterThanOrEqual(290);
    expect(t?.downloadMs).toBeGreaterThanOrEqual(0);
    expect(row.ok && row.value.exchange?.responseHeaders.length).toBeGreaterThan(0);
  });
});
