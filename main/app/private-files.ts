/**
 * Owner-only file modes for everything the console writes: files 0600, folders 0700. Files that
 * exist with wider access (an older console, a copied folder, a permissive umask) are tightened;
 * where that fails (another owner, a read-only mount) the caller is told, so it can report it.
 * Windows has no POSIX modes: its user profile folder's ACLs do this job, so nothing is done there.
 */
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** A path whose access was (or should have been) narrowed to its owner. */
export interface Tightened {
  path: string;
  /** The permission bits found, e.g. 0o755. */
  from: number;
  to: number;
  /** Set when the mode could not be changed. */
  error?: string;
}

const posix = (platform: NodeJS.Platform) => platform !== 'win32';

/** Narrows a path's mode to `mode` when group or others have any access; undefined when nothing was needed. */
function tighten(path: string, mode: number): Tightened | undefined {
  const from = statSync(path).mode & 0o777;
  if ((from & 0o077) === 0) return undefined;
  try {
    chmodSync(path, mode);
    return { path, from, to: mode };
  } catch (e) {
    return { path, from, to: mode, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Creates the folder (and missing parents) 0700, or tightens an existing one. */
export function ensurePrivateDir(dir: string, platform: NodeJS.Platform = process.platform): Tightened | undefined {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  return posix(platform) ? tighten(dir, PRIVATE_DIR_MODE) : undefined;
}

/**
 * Creates the file empty with mode 0600 when absent (so whatever opens it next — SQLite, which
 * gives its -wal and -shm files the main file's mode — starts private), or tightens it.
 */
export function ensurePrivateFile(file: string, platform: NodeJS.Platform = process.platform): Tightened | undefined {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  return posix(platform) ? tighten(file, PRIVATE_FILE_MODE) : undefined;
}

/** Tightens a file to 0600 if it exists. */
export function tightenFileIfPresent(file: string, platform: NodeJS.Platform = process.platform): Tightened | undefined {
  if (!posix(platform)) return undefined;
  try {
    return tighten(file, PRIVATE_FILE_MODE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** One log line for a tightening, e.g. "…/history.sqlite3 was 0644; now 0600". */
export function describeTightened(t: Tightened): string {
  const oct = (m: number) => `0${m.toString(8).padStart(3, '0')}`;
  return t.error
    ? `${t.path} is ${oct(t.from)} (open to other users) and could not be changed to ${oct(t.to)}: ${t.error}`
    : `${t.path} was ${oct(t.from)}; now ${oct(t.to)}`;
}
