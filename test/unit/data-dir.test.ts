import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir, securePrivateData } from '../../main/app/data-dir';

describe('data folder', () => {
  it('honours FACEID_CONSOLE_DATA_DIR on every OS', () => {
    for (const os of ['linux', 'darwin', 'win32'] as const) {
      expect(resolveDataDir({ FACEID_CONSOLE_DATA_DIR: '/tmp/x' }, os, '/home/a')).toBe('/tmp/x');
    }
  });

  it('uses the same folder as Electron userData on each OS', () => {
    expect(resolveDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/FaceID Console');
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/a')).toBe('/xdg/FaceID Console');
    expect(resolveDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/FaceID Console');
    expect(resolveDataDir({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32', 'C:/Users/a')).toMatch(/Roaming.FaceID Console$/);
  });
});

describe('securing the data folder', () => {
  it.skipIf(process.platform === 'win32')('narrows a 0755 folder and a 0644 key file, reporting each, and leaves other files alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faceid-datadir-'));
    try {
      chmodSync(dir, 0o755);
      writeFileSync(join(dir, 'vault.key'), 'k', { mode: 0o644 });
      chmodSync(join(dir, 'vault.key'), 0o644);
      writeFileSync(join(dir, 'notes.txt'), 'not ours');
      chmodSync(join(dir, 'notes.txt'), 0o644);
      expect(securePrivateData(dir)).toEqual([
        { path: dir, from: 0o755, to: 0o700 },
        { path: join(dir, 'vault.key'), from: 0o644, to: 0o600 },
      ]);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'notes.txt')).mode & 0o777).toBe(0o644);
      expect(securePrivateData(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates a missing folder, and changes no modes on Windows, where ACLs apply', () => {
    const root = mkdtempSync(join(tmpdir(), 'faceid-datadir-'));
    try {
      const dir = join(root, 'a', 'b');
      expect(securePrivateData(dir, 'win32')).toEqual([]);
      expect(statSync(dir).isDirectory()).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
