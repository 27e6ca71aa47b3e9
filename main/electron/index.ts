/**
 * The Electron shell: one hardened window over the shared handler table. Business logic lives in
 * main/services; this file only wires Electron to it.
 */
import { BrowserWindow, app } from 'electron';
import ElectronStore from 'electron-store';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startConsoleApp, type ConsoleApp } from '../app/console-app';
import { resolveDataDir } from '../app/data-dir';
import { bindIpc } from './ipc';
import { safeStorageCipher } from './safe-storage-cipher';
import { denyPermissions, hardenApp } from './security';
import type { StoreFactory } from '../vault/store';

const rendererFile = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const preloadFile = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const ownPage = devServerUrl ?? pathToFileURL(rendererFile).href;

/** Only our own page — same document, any hash — counts as ours. */
function isOwnUrl(url: string): boolean {
  const strip = (u: string) => u.split('#')[0]?.split('?')[0] ?? u;
  return strip(url) === strip(ownPage) || (devServerUrl !== undefined && url.startsWith(devServerUrl));
}

if (process.env.FACEID_CONSOLE_DATA_DIR) app.setPath('userData', resolveDataDir());
app.enableSandbox();
hardenApp(isOwnUrl);

let consoleApp: ConsoleApp | undefined;

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'FaceID Console',
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(rendererFile);
}

app
  .whenReady()
  .then(async () => {
    denyPermissions();
    // electron-store names the file with `name` (it overwrites conf's configName) and sets the
    // project itself; everything else is conf's option, passed as the Node side passes it.
    const storeFactory: StoreFactory = ({ configName, projectName: _project, ...rest }) => new ElectronStore({ ...rest, name: configName });
    consoleApp = await startConsoleApp({
      dataDir: app.getPath('userData'),
      cipher: safeStorageCipher(),
      storeFactory,
      sqliteBinding: process.env.FACEID_SQLITE_BINDING,
      log: (line) => console.log(line),
    });
    bindIpc(consoleApp.handlers, isOwnUrl);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  })
  .catch((e: unknown) => {
    console.error(`FaceID Console could not start: ${e instanceof Error ? e.message : String(e)}`);
    app.exit(1);
  });

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void consoleApp?.close();
});
