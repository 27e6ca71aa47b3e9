/**
 * The sandbox panel's data through the handler table: the scenes (every magic uuid with what it
 * forces, each really forcing it), and callback-log entries that point at their history row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livenessUrl } from '../../core/faceid/verification';
import { HistoryStore } from '../../main/history/store';
import type { EmbeddedSandbox } from '../../main/sandbox/embedded/client';
import { startInProcessSandbox } from '../../main/sandbox/embedded/in-process';
import { buildHandlers, type HandlerTable } from '../../main/services/handlers';
import { SettingsStore } from '../../main/settings/settings';
import { keyFileCipher } from '../../main/vault/keyfile-cipher';
import { redactorOf } from '../../main/vault/redact';
import { Vault } from '../../main/vault/vault';

const SECRET = 'scenes-secret';
let dir: string;
let sandbox: EmbeddedSandbox;
let history: HistoryStore;
let handlers: HandlerTable;
let seq = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faceid-scenes-'));
  sandbox = await startInProcessSandbox({ apiKey: 'k', apiSecret: SECRET });
  const vault = await Vault.open({
    dataDir: dir,
    cipher: keyFileCipher(dir),
    sandbox: { baseUrl: sandbox.baseUrl, apiKey: 'k', apiSecret: SECRET },
  });
  history = HistoryStore.open(join(dir, 'history.sqlite3'), { redact: redactorOf(() => vault.knownSecrets()) });
  handlers = buildHandlers({ vault, history, settings: SettingsStore.open(dir), sandbox, timeoutMs: 5_000 }).table;
});
afterAll(async () => {
  await sandbox.close();
  history.close();
  rmSync(dir, { recursive: true, force: true });
});

const issue = (uuid: string, notifyUrl = 'https://example.com/n') =>
  handlers.issueToken({
    callId: `scene-call-${++seq}`,
    profileId: 'sandbox',
    params: { return_url: 'https://example.com/r', notify_url: notifyUrl, comparison_type: '-1', uuid, biz_no: `scene-${seq}` },
    photos: {},
  });

describe('sandbox scenes', () => {
  it('lists every magic uuid, and the ones that need no photo force the answer they name', async () => {
    const state = await handlers.getSandboxState({});
    const scenes = state.ok ? (state.value.scenes ?? []) : [];
    expect(scenes.map((s) => s.uuid)).toEqual(
      expect.arrayContaining([
        'sandbox:no-face',
        'sandbox:multiple-faces',
        'sandbox:concurrency',
        'sandbox:internal-error',
        'sandbox:unauthorized',
        'sandbox:reset',
        'sandbox:proxy-502',
        'sandbox:trickle',
        'sandbox:latency-3000',
      ]),
    );
    for (const s of scenes.filter((x) => /^[A-Z_]+$/.test(x.answer) && !x.needsReference)) {
      const r = await issue(s.uuid);
      expect(r.ok && r.value.outcome !== 'issued' && r.value.error.code, s.uuid).toBe(s.answer);
      expect(r.ok && r.value.outcome === 'failed' && r.value.httpStatus, s.uuid).toBe(s.httpStatus);
    }
  });

  it('links a callback-log entry to the history row of its call', async () => {
    // Lenient, so the sandbox may call back to itself on its own loopback port (a 404 answers fast).
    await handlers.setSandboxMode({ lenient: true });
    const r = await issue('scene-customer', `${sandbox.baseUrl}/nowhere`);
    if (!r.ok || r.value.outcome !== 'issued') throw new Error(JSON.stringify(r));
    await fetch(livenessUrl(sandbox.baseUrl, r.value.token), {
      method: 'POST',
      body: new URLSearchParams({ preset: 'passed' }),
      redirect: 'manual',
    });
    let entry;
    for (let i = 0; i < 50 && !entry; i++) {
      const state = await handlers.getSandboxState({});
      entry = state.ok
        ? state.value.callbacks.find((c) => c.data.includes(r.value.outcome === 'issued' ? r.value.biz_id : '?'))
        : undefined;
      if (!entry) await new Promise((done) => setTimeout(done, 100));
    }
    expect(entry?.historyId).toBe(r.value.historyId);
  });
});
