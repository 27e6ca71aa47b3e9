/**
 * Files the pre-check must read with plain fs or start as a worker thread: in a packaged app they
 * sit in `app.asar.unpacked` beside `app.asar` (electron-builder.yml's asarUnpack), while Node's
 * module resolution still names them inside `app.asar`. Outside a package nothing changes.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** A path segment `app.asar` (not `app.asar.unpacked`), with either separator. */
const ASAR_SEGMENT = /([\\/])app\.asar(?=[\\/]|$)/;

/**
 * `path` moved from inside `app.asar` to the same place in `app.asar.unpacked` when that copy
 * exists; otherwise `path` unchanged (development, tests, or a file that was not unpacked).
 */
export function unpackedPath(path: string, exists: (p: string) => boolean = existsSync): string {
  if (!ASAR_SEGMENT.test(path)) return path;
  const moved = path.replace(ASAR_SEGMENT, (_m, s: string) => `${s}app.asar.unpacked`);
  return exists(moved) ? moved : path;
}

/** The inverse, for module resolution: a file in `app.asar.unpacked` resolves its packages from `app.asar`. */
export function packedPath(path: string): string {
  return path.replace(/([\\/])app\.asar\.unpacked(?=[\\/]|$)/, (_m, s: string) => `${s}app.asar`);
}

/**
 * `require` for the packages a pre-check module uses, resolved from where they are installed: for
 * a module started from app.asar.unpacked (the worker), from the same place inside app.asar,
 * which Electron's worker threads read; elsewhere from the module itself.
 */
export function packageRequire(moduleUrl: string): NodeJS.Require {
  return createRequire(moduleUrl.startsWith('file:') ? packedPath(fileURLToPath(moduleUrl)) : moduleUrl);
}
