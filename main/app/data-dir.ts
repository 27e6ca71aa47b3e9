import { homedir } from 'node:os';
import { join } from 'node:path';
import { ensurePrivateDir, tightenFileIfPresent, type Tightened } from './private-files';

export const APP_NAME = 'FaceID Console';

/**
 * The console's data folder: FACEID_CONSOLE_DATA_DIR when set, else the OS's usual app-data
 * place — the same folder Electron's `app.getPath('userData')` picks for this app, so both shells
 * share one store.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.FACEID_CONSOLE_DATA_DIR;
  if (override && override.trim() !== '') return override;
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_NAME);
    default:
      return join(env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(home, '.config'), APP_NAME);
  }
}

/** The files the console keeps in its data folder (the history's -wal/-shm are SQLite's). */
export const CONSOLE_FILES = [
  'profiles.json',
  'settings.json',
  'vault.key',
  'history.sqlite3',
  'history.sqlite3-wal',
  'history.sqlite3-shm',
] as const;

/**
 * Makes the data folder owner-only before anything is read or written: created 0700, or
 * tightened to 0700 when it exists with wider access (e.g. a 0755 folder from an older console
 * or a copied backup), and each console file in it tightened to 0600. Returns what was changed
 * (or could not be), for the start-up log; files created later are created private by their stores.
 */
export function securePrivateData(dataDir: string, platform: NodeJS.Platform = process.platform): Tightened[] {
  const changed = [ensurePrivateDir(dataDir, platform), ...CONSOLE_FILES.map((f) => tightenFileIfPresent(join(dataDir, f), platform))];
  return changed.filter((t): t is Tightened => t !== undefined);
}
