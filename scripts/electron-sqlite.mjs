// better-sqlite3 is compiled for Node's ABI (tests and the browser shell use it). Electron has its
// own ABI, so for `npm start` a second copy of the binary is built for Electron into
// .electron-native/ and handed to the app through FACEID_SQLITE_BINDING; node_modules stays as is.
// (Packaged apps need none of this: electron-builder rebuilds native modules for Electron.)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 600_000 });
  return r.status === 0
    ? null
    : `${(r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' ')}`.slice(0, 300) || `exit ${r.status}`;
}

/** Path of a better-sqlite3 binary for this Electron version, building it on first use. */
export function electronSqliteBinding() {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const target = resolve('.electron-native', `better_sqlite3-electron-${electronVersion}.node`);
  if (existsSync(target)) return { path: target, error: null };
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = resolve('.electron-native', 'build', 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(dirname(work), { recursive: true });
  cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${source}/build`) });
  console.log(`Building the SQLite driver for Electron ${electronVersion} (once)…`);
  const prebuilt = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
  let error = run(process.execPath, [prebuilt, '--runtime', 'electron', '--target', electronVersion], work);
  if (error) {
    const gyp = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    error = run(
      process.execPath,
      [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
      work,
    );
  }
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (error || !existsSync(built)) return { path: null, error: error ?? 'no binary was produced' };
  cpSync(built, target);
  return { path: target, error: null };
}

// `node scripts/electron-sqlite.mjs` prints the result as JSON (the Electron test specs use it).
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.stdout.write(`${JSON.stringify(electronSqliteBinding())}\n`);
}
