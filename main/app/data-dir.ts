import { homedir } from 'node:os';
import { join } from 'node:path';

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
