import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';
import { buildHandlers, type HandlerTable } from '../../main/services/handlers';
import { keyFileCipher } from '../../main/vault/keyfile-cipher';
import { Vault } from '../../main/vault/vault';
import { HistoryStore } from '../../main/history/store';
import { redactorOf } from '../../main/vault/redact';
import { SettingsStore } from '../../main/settings/settings';

const SECRET = 'handlers-test-secret-CANARY';

describe('handler table', () => {
  let sandbox: Sandbox;
  let silent: Server;
  let handlers: HandlerTable;
  let hangingId: string;
  let history: HistoryStore;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-handlers-'));
    sandbox = await createSandbox({ apiKey: 'handlers-key', apiSecret: SECRET });
    // A server that accepts the request and never answers: the call's outcome stays unknown.
    silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const vault = await Vault.open({
      dataDir: dir,
      cipher: keyFileCipher(dir),
      sandbox: { baseUrl: sandbox.baseUrl, apiKey: 'handlers-key', apiSecret: SECRET },
    });
    history = HistoryStore.open(join(dir, 'history.sqlite3'), { redact: redactorOf(() => vault.knownSecrets()) });
    handlers = buildHandlers({ vault, history, settings: SettingsStore.open(dir), timeoutMs: 5_000 }).table;
    const hanging = await handlers.createProfile({
      profile: {
        name: 'Hanging',
        color: '#805ad5',
        environment: 'test',
        region: 'custom',
        baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
        apiKey: 'k',
        secret: 'hanging-secret',
        defaults: {},
      },
    });
    if (!hanging.ok) throw new Error(hanging.error.message);
    hangingId = hanging.value.id;
  });

  afterAll(async () => {
    silent.closeAllConnections();
    silent.close();
    await sandbox.close();
    history.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const valid = { return_url: 'https://example.com/r', notify_url: 'https://example.com/n', comparison_type: '-1', uuid: 'customer-1' };

  it('lists the sandbox profile with a key hint and never the secret', async () => {
    const r = await handlers.listProfiles({});
    expect(r.ok && r.value[0]).toMatchObject({ id: 'sandbox', hasSecret: true, keyHint: '…-key' });
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it('describes the whole catalogue', async () => {
    const r = await handlers.describeCatalogue({});
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.params.map((p) => p.name)).toContain('fail_when_ref_multiple_faces');
      expect(r.value.notifyPorts).toEqual([443, 5000, 16003, 8883, 8028]);
    }
  });

  it('refuses a payload of the wrong shape at the boundary, naming where', async () => {
    const r = await handlers.issueToken({ callId: 'x'.repeat(10), profileId: 'sandbox', params: { biz_no: 5 }, photos: {} });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'params.biz_no' } });
    const extra = await handlers.listProfiles({ sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('reports every invalid field at once and sends nothing', async () => {
    const before = sandbox.tokens.size;
    const r = await handlers.issueToken({
      callId: 'invalid-fields-1',
      profileId: 'sandbox',
      // The port-80 notify_url and the out-of-range time are warnings (the vendor does not rule
      // them out); a notify_url that is no URL and a time that is no number are errors.
      params: { return_url: 'not a url', notify_url: 'ftp://example.com/n', comparison_type: '0', maximum_shooting_time: 'ten' },
      photos: {},
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_PARAMS');
      const fields = new Set(r.error.issues?.filter((i) => i.severity === 'error').map((i) => i.field));
      expect([...fields].sort()).toEqual(['biz_no', 'image_ref1', 'maximum_shooting_time', 'notify_url', 'return_url', 'uuid'].sort());
    }
    expect(sandbox.tokens.size).toBe(before);
  });

  it('names a missing profile', async () => {
    const r = await handlers.issueToken({ callId: 'no-profile-1', profileId: 'nope', params: { ...valid, biz_no: 'p' }, photos: {} });
    expect(r).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_FOUND' } });
  });

  it('issues a token and returns the warnings that did not block it', async () => {
    const r = await handlers.issueToken({
      callId: 'issue-1-abc',
      profileId: 'sandbox',
      params: { ...valid, biz_no: 'h-1', language: '2' },
      photos: {},
    });
    expect(r.ok).toBe(true);
    if (r.ok && r.value.outcome === 'issued') {
      expect(r.value.biz_id).toMatch(/^\d{10},[0-9a-f-]{36}$/);
      expect(r.value.warnings).toEqual([]);
    } else throw new Error(`not issued: ${JSON.stringify(r)}`);
  });

  it('reports a service refusal as a failed outcome with the field it points at', async () => {
    const r = await handlers.issueToken({
      callId: 'scene-1-abc',
      profileId: 'sandbox',
      params: { ...valid, biz_no: 'h-2', scene_id: 'no-such-scene' },
      photos: {},
    });
    expect(r).toMatchObject({
      ok: true,
      value: { outcome: 'failed', httpStatus: 400, error: { code: 'BAD_ARGUMENTS', field: 'scene_id' } },
    });
  });

  it('cancels a call in flight; its outcome is unknown, never a silent retry', async () => {
    const pending = handlers.issueToken({ callId: 'cancel-me-1', profileId: hangingId, params: { ...valid, biz_no: 'h-3' }, photos: {} });
    await new Promise((r) => setTimeout(r, 200));
    const c = await handlers.cancelCall({ callId: 'cancel-me-1' });
    expect(c).toEqual({ ok: true, value: { cancelled: true } });
    const r = await pending;
    expect(r).toMatchObject({ ok: true, value: { outcome: 'unknown', error: { code: 'CANCELLED' } } });
    expect(await handlers.cancelCall({ callId: 'cancel-me-1' })).toEqual({ ok: true, value: { cancelled: false } });
  });
});
