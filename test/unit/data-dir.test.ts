import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../main/app/data-dir';

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
