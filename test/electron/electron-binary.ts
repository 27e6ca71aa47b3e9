// The Electron binary as the electron package would launch it, found without triggering its
// download-on-require; null where it is absent (as on machines that cannot download it).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Path of the Electron executable, or null with the reason it is unavailable. */
export function findElectron(): { path: string | null; reason: string } {
  let dir: string;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile))
    return { path: null, reason: 'the Electron binary was never downloaded on this machine (node_modules/electron/path.txt is missing)' };
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? { path: exe, reason: '' } : { path: null, reason: `the Electron binary is missing at ${exe}` };
}
