/**
 * The Electron shell: one hardened window over the shared handler table. This is the only module
 * that imports Electron; the rules it applies (sender checks, navigation, permissions, the app://
 * scheme, the cipher) live beside it as plain functions over injected Electron objects.
 *
 * The window: context isolation, the renderer sandbox, no Node integration, web security on; the
 * page is served from app://console (never file://); navigation away and window.open are refused
 * and http(s) links open in the system browser; every permission is denied but the camera for
 * our own page; IPC answers only our own top-level page.
 */
import { BrowserWindow, app, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { fileURLToPath } from 'node:url';
import { startConsoleApp, type ConsoleApp } from '../app/console-app';
import { resolveDataDir } from '../app/data-dir';
import type { StoreFactory } from '../vault/store';
import { APP_ENTRY, APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler, isAppOrigin, isAppPage } from './app-protocol';
import { bindIpc } from './ipc';
import { electronRecordPrinter } from './record-pdf';
import { safeStorageCipher } from './safe-storage-cipher';
import { hardenContents, privateDownloads, restrictPermissions } from './security';

const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadFile = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
// electron-vite's dev server (`electron-vite dev` only; never set in a packaged app).
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

const isOwnPage = (url: string) => isAppPage(url) || (devServerUrl !== undefined && url.startsWith(devServerUrl));
const isOwnOrigin = (url: string) => isAppOrigin(url) || (devServerUrl !== undefined && url.startsWith(new URL(devServerUrl).origin));

if (process.env.FACEID_CONSOLE_DATA_DIR) app.setPath('userData', resolveDataDir());
// Before ready: the scheme must be known to be a standard, secure origin when the window opens.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) =>
  hardenContents(contents, { isOwnPage, openExternal: (url) => shell.openExternal(url) }),
);

let consoleApp: ConsoleApp | undefined;
const log = (line: string) => (consoleApp ? consoleApp.log(line) : console.log(line));

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
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devServerUrl ?? APP_ENTRY);
}

app
  .whenReady()
  .then(async () => {
    protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
    restrictPermissions(session.defaultSession, isOwnOrigin);
    // electron-store names the file with `name` (it overwrites conf's configName) and sets the
    // project itself; everything else is conf's option, passed as the Node side passes it.
    const storeFactory: StoreFactory = ({ configName, projectName: _project, ...rest }) => new ElectronStore({ ...rest, name: configName });
    consoleApp = await startConsoleApp({
      dataDir: app.getPath('userData'),
      cipher: safeStorageCipher(safeStorage),
      storeFactory,
      sqliteBinding: process.env.FACEID_SQLITE_BINDING,
      log: (line) => console.log(line),
      recordPrinter: electronRecordPrinter(
        () => BrowserWindow.getAllWindows()[0]?.webContents,
        async (defaultPath) => {
          const win = BrowserWindow.getAllWindows()[0];
          const options = { defaultPath, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
          return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
        },
      ),
      // Exports are written on this side, streamed row by row into the file the operator picks.
      exportSaver: async (defaultPath, format) => {
        const win = BrowserWindow.getAllWindows()[0];
        const options = {
          defaultPath,
          filters: [format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'JSON', extensions: ['json'] }],
        };
        return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
      },
    });
    privateDownloads(session.defaultSession, log);
    bindIpc({ ipcMain, handlers: consoleApp.handlers, isOwnPage, log });
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
