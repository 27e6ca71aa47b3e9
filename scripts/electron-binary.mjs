// Where the Electron binary is, without triggering electron's own download-on-require.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The electron package folder, or null when the package is not installed. */
export function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** Absolute path of the Electron executable when it is present on disk, else null. */
export function electronBinary() {
  const dir = electronPackageDir();
  if (!dir) return null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(p) ? p : null;
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

/**
 * Tries electron's own installer once (it downloads the binary from outside the npm registry).
 * Returns the binary path, or null with the installer's last line as the reason.
 */
export function tryInstallElectron(timeoutMs = 300_000) {
  const dir = electronPackageDir();
  if (!dir) return { binary: null, reason: 'the electron package is not installed' };
  const r = spawnSync(process.execPath, [join(dir, 'install.js')], { encoding: 'utf8', timeout: timeoutMs });
  const binary = electronBinary();
  if (binary) return { binary, reason: '' };
  const text = `${r.stderr ?? ''}${r.stdout ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const reason = text.find((l) => /error|fail|ENOTFOUND|EAI_AGAIN|ECONN/i.test(l)) ?? text[0] ?? `installer exited with ${r.status}`;
  return { binary: null, reason: `its binary could not be downloaded: ${reason.slice(0, 160)}` };
}
