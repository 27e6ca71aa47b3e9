// `npm start`: the Electron desktop app; where its binary cannot be had, the browser shell.
import { build, runForeground } from './run.mjs';
import { electronBinary, tryInstallElectron } from './electron-binary.mjs';
import { electronSqliteBinding } from './electron-sqlite.mjs';

// `--no-open` is ours: the browser shell otherwise opens the default browser on its URL.
const args = process.argv.slice(2).filter((a) => a !== '--no-open');
const open = !process.argv.includes('--no-open');

build();
let binary = electronBinary();
let reason = '';
if (!binary) ({ binary, reason } = tryInstallElectron());
let sqlite = { path: null, error: null };
if (binary) {
  sqlite = electronSqliteBinding();
  if (!sqlite.path) reason = `the SQLite driver could not be built for Electron: ${sqlite.error}`;
}
if (binary && sqlite.path) {
  // Chromium refuses to run as root with its sandbox on; the renderer stays sandboxed otherwise.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  runForeground(binary, ['.', ...rootArgs, ...args], { env: { ...process.env, FACEID_SQLITE_BINDING: sqlite.path } });
} else {
  console.log(`The Electron desktop shell is unavailable here (${reason}); opening the browser shell instead.`);
  runForeground(process.execPath, ['out/main/web.js', ...args, ...(open ? ['--open'] : [])]);
}
