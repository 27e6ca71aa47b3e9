/**
 * Everything the console writes is owner-only — files 0600, the data folder 0700 — whatever the
 * umask, and what an older console or a copied folder left wider is tightened and logged at start.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startConsoleApp } from '../../main/app/console-app';
import { makeJpeg } from '../fixtures/images';
import { stage } from '../support/staged-photo';

const mode = (path: string) => statSync(path).mode & 0o777;

/** Every entry under a folder with its permission bits, folders included. */
function modesUnder(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    out[name] = mode(path);
    if (statSync(path).isDirectory()) for (const [k, v] of Object.entries(modesUnder(path))) out[`${name}/${k}`] = v;
  }
  return out;
}

describe.skipIf(process.platform === 'win32')('file modes', () => {
  let root: string;
  let umask: number;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'faceid-modes-'));
    // A permissive umask: the modes must come from the console, not from the environment.
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the folder 0700 and every file 0600: profiles, settings, key, history with -wal/-shm and kept photos', async () => {
    const dir = join(root, 'fresh', 'FaceID Console');
    const app = await startConsoleApp({ dataDir: dir });
    try {
      const h = app.handlers;
      const settings = await h.getSettings({});
      if (!settings.ok) throw new Error(settings.error.message);
      expect(await h.updateSettings({ settings: { ...settings.value, operator: 'desk-1', keepPhotos: true } })).toMatchObject({ ok: true });
      expect(
        await h.createProfile({
          profile: {
            name: 'Test',
            color: '#3182ce',
            environment: 'test',
            region: 'idn',
            apiKey: 'k-0001',
            secret: 'modes-secret-01',
            defaults: {},
          },
        }),
      ).toMatchObject({ ok: true });
      const photo = await stage(h, 'face.jpg', makeJpeg(320, 240));
      const params = {
        return_url: 'https://bank.example/r',
        notify_url: 'https://bank.example/n',
        comparison_type: '0',
        uuid: 'modes-customer',
        biz_no: 'modes-1',
      };
      expect(await h.issueToken({ callId: 'modes-call-1', profileId: 'sandbox', params, photos: { image_ref1: photo } })).toMatchObject({
        ok: true,
        value: { outcome: 'issued' },
      });
      const modes = modesUnder(dir);
      expect(Object.keys(modes).sort()).toEqual([
        'history.sqlite3',
        'history.sqlite3-shm',
        'history.sqlite3-wal',
        'profiles.json',
        'settings.json',
        'vault.key',
      ]);
      for (const [name, m] of Object.entries(modes)) expect(m.toString(8), name).toBe('600');
      expect(mode(dir).toString(8)).toBe('700');
    } finally {
      await app.close();
    }
  });

  it('tightens an existing 0755 folder and 0644 files at start, and says so in the log', async () => {
    const dir = join(root, 'old');
    const first = await startConsoleApp({ dataDir: dir });
    await first.handlers.issueToken({
      callId: 'modes-call-2',
      profileId: 'sandbox',
      params: {
        return_url: 'https://bank.example/r',
        notify_url: 'https://bank.example/n',
        comparison_type: '-1',
        uuid: 'c',
        biz_no: 'modes-2',
      },
      photos: {},
    });
    // What an older console, a restored backup or a permissive umask leaves behind, while running.
    chmodSync(dir, 0o755);
    for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o644);
    await first.close();
    writeFileSync(join(dir, 'history.sqlite3-shm'), '', { flag: 'a' });
    chmodSync(join(dir, 'history.sqlite3-shm'), 0o666);

    const logs: string[] = [];
    const again = await startConsoleApp({ dataDir: dir, log: (l) => logs.push(l) });
    try {
      expect(mode(dir).toString(8)).toBe('700');
      for (const [name, m] of Object.entries(modesUnder(dir))) expect(m.toString(8), name).toBe('600');
      expect(logs).toContain(`data folder: ${dir} was 0755; now 0700`);
      expect(logs).toContain(`data folder: ${join(dir, 'profiles.json')} was 0644; now 0600`);
      expect(logs).toContain(`data folder: ${join(dir, 'history.sqlite3-shm')} was 0666; now 0600`);
    } finally {
      await again.close();
    }
  });

  it('leaves an already private folder alone and logs nothing about it', async () => {
    const dir = join(root, 'private');
    mkdirSync(dir, { mode: 0o700 });
    const logs: string[] = [];
    const app = await startConsoleApp({ dataDir: dir, log: (l) => logs.push(l) });
    await app.close();
    expect(logs.filter((l) => l.startsWith('data folder:'))).toEqual([]);
  });
});
