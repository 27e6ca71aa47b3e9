import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OP_NAMES } from '../../../core/api';
import { ipcChannel } from '../../../core/ipc';
import { startConsoleApp, type ConsoleApp } from '../../../main/app/console-app';
import { APP_ENTRY, isAppPage } from '../../../main/electron/app-protocol';
import { bindIpc, type IpcMainLike, type SenderFrameLike } from '../../../main/electron/ipc';
import type { MessageRef } from '../../../core/i18n/render';
import { errorSaid } from '../../support/messages';

type Listener = Parameters<IpcMainLike['handle']>[1];

/** Stands in for Electron's ipcMain, which cannot exist under Node: records each handler. */
function fakeIpcMain(): IpcMainLike & { listeners: Map<string, Listener> } {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle: (channel, listener) => {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
  };
}

const topFrame = (url: string): SenderFrameLike => ({ url, parent: null });

describe('ipc binding', () => {
  let dir: string;
  let app: ConsoleApp;
  let ipc: ReturnType<typeof fakeIpcMain>;
  const logs: string[] = [];
  let clock = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-ipc-'));
    app = await startConsoleApp({ dataDir: dir });
    ipc = fakeIpcMain();
    bindIpc({
      ipcMain: ipc,
      handlers: app.handlers,
      isOwnPage: isAppPage,
      log: (l) => logs.push(l),
      now: () => clock,
      logWindowMs: 60_000,
    });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const invoke = (op: string, senderFrame: SenderFrameLike | null | undefined, payload: unknown = {}) => {
    const listener = ipc.listeners.get(ipcChannel(op as (typeof OP_NAMES)[number]));
    if (!listener) throw new Error(`no handler for ${op}`);
    return listener({ senderFrame }, payload);
  };

  it('registers one channel per operation', () => {
    expect([...ipc.listeners.keys()].sort()).toEqual(OP_NAMES.map((op) => ipcChannel(op)).sort());
  });

  it('answers our own top-level page with the real handler', async () => {
    const r = await invoke('listProfiles', topFrame(`${APP_ENTRY}#/history`));
    expect(r).toMatchObject({ ok: true, value: [{ id: 'sandbox', builtIn: true }] });
  });

  it('carries a photo as bytes: a structured-cloned Uint8Array is staged, hashed once, and answered as a handle', async () => {
    const bytes = new Uint8Array(readFileSync('test/fixtures/face.jpg'));
    // Electron's IPC delivers a structured clone of the payload; so does the fake.
    const r = (await invoke('stagePhoto', topFrame(APP_ENTRY), structuredClone({ name: 'face.jpg', bytes }))) as {
      ok: boolean;
      value?: { handle: string; sha256: string; facts: { format: string } };
    };
    expect(r).toMatchObject({
      ok: true,
      value: { handle: expect.stringMatching(/^ph_/), facts: { format: 'jpeg', bytes: bytes.byteLength } },
    });
    expect(r.value?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const base64 = (await invoke('stagePhoto', topFrame(APP_ENTRY), {
      name: 'face.jpg',
      bytes: Buffer.from(bytes).toString('base64'),
    })) as { ok: boolean; error?: { code: string; field?: string; message: string; words?: MessageRef[] } };
    expect(base64).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'BAD_REQUEST', field: 'bytes' } });
    expect(base64.error?.words?.[0]).toMatchObject({
      ns: 'console',
      key: 'request.invalidAt',
      params: { op: 'stagePhoto', where: 'bytes' },
    });
    expect(errorSaid(base64.error ?? { code: '', message: '' })).toContain('Uint8Array');
  });

  it.each([
    ['a sub-frame of our own page', { url: APP_ENTRY, parent: topFrame(APP_ENTRY) }],
    ['a foreign top-level page', topFrame('https://evil.example/steal?token=abc')],
    ['file:// pretending to be the console', topFrame('file:///opt/faceid/out/renderer/index.html')],
    ['another path on our origin', topFrame('app://console/assets/logo.svg')],
    ['a missing frame', null],
    ['an undefined frame', undefined],
  ])('refuses %s with FORBIDDEN_SENDER, never calling the handler', async (_what, frame) => {
    const before = (await invoke('queryHistory', topFrame(APP_ENTRY), { filter: {}, limit: 1 })) as { ok: boolean };
    expect(before.ok).toBe(true);
    const r = await invoke('createProfile', frame, {
      profile: { name: 'Injected', color: '#000000', environment: 'test', region: 'idn', defaults: {} },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect((await app.vault.list()).map((p) => p.name)).not.toContain('Injected');
  });

  it('refuses a frame whose properties throw (destroyed) instead of crashing', async () => {
    const destroyed = {
      get url(): string {
        throw new Error('Render frame was disposed');
      },
      parent: null,
    };
    expect(await invoke('listProfiles', destroyed)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('logs refusals by origin only, once per origin per minute, counting the rest', async () => {
    logs.length = 0;
    clock = 1_000_000;
    for (let i = 0; i < 50; i++) await invoke('listProfiles', topFrame(`https://flood.example/page?secret=s${i}`));
    expect(logs).toEqual(['ipc: refused listProfiles from a top-level frame showing https://flood.example']);
    clock += 61_000;
    await invoke('getSettings', topFrame('https://flood.example/again'));
    expect(logs).toHaveLength(2);
    expect(logs[1]).toBe(
      'ipc: refused getSettings from a top-level frame showing https://flood.example (and 49 more from there in the last 61 s)',
    );
    expect(logs.join('\n')).not.toContain('secret=');
  });
});
