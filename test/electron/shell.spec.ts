/**
 * The Electron shell's glue, driven through Playwright's _electron: a hardened window that issues
 * a real token through IPC and saves a desk verification record with printToPDF. These run
 * wherever the Electron binary is installed; elsewhere each test is skipped with the reason
 * printed. (The record printer's Node-side logic is tested without Electron in
 * test/unit/electron/record-pdf.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { OP_NAMES } from '../../core/api';
import { findElectron } from './electron-binary';

const binary = findElectron();
if (!binary.path) console.log(`[electron] Electron-shell tests skipped: ${binary.reason}.`);

test.describe('Electron shell', () => {
  test.skip(!binary.path, `Electron binary unavailable: ${binary.reason}`);

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'faceid-electron-'));
    // The SQLite driver for Electron's ABI, as `npm start` builds it.
    const sqlite = JSON.parse(execFileSync(process.execPath, ['scripts/electron-sqlite.mjs'], { encoding: 'utf8' })) as {
      path: string | null;
      error: string | null;
    };
    if (!sqlite.path) throw new Error(`The SQLite driver could not be built for Electron: ${sqlite.error}`);
    app = await electron.launch({
      executablePath: binary.path ?? undefined,
      args: ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, FACEID_CONSOLE_DATA_DIR: dataDir, FACEID_SQLITE_BINDING: sqlite.path },
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens one window with the console and the sandbox profile', async () => {
    await expect(page).toHaveTitle(/FaceID Console/);
    // It opens on the desk, the clerk's view; the full sheet is one tab away.
    await expect(page.getByLabel('Customer ID · uuid')).toBeVisible();
    await page.getByRole('tab', { name: 'Expert' }).click();
    await expect(page.getByLabel('biz_no', { exact: false }).first()).toBeVisible();
  });

  test('keeps the renderer isolated: no Node, only the named API functions', async () => {
    const probe = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      api: Object.keys(window.faceidConsole ?? {}).sort(),
    }));
    expect(probe.require).toBe('undefined');
    expect(probe.process).toBe('undefined');
    expect(probe.api).toEqual([...OP_NAMES].sort());
  });

  test('denies permission requests and applies a strict CSP', async () => {
    const permission = await page.evaluate(() => Notification.requestPermission());
    expect(permission).toBe('denied');
    const csp = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    );
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  test('denies window.open and navigation away, handing http(s) links to the system browser', async () => {
    // The system browser is stood in for, so the test opens nothing on the machine.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as { opened: string[] }).opened = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
      };
    });
    const before = page.url();
    const opened = await page.evaluate(() => window.open('https://example.com/a') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/b';
    });
    await page.evaluate(() => {
      window.location.href = 'file:///etc/hosts';
    });
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
    expect(await app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened)).toEqual([
      'https://example.com/a',
      'https://example.com/b',
    ]);
  });

  test('serves the page from app://console with a CSP header, and refuses paths out of the renderer', async () => {
    expect(page.url()).toBe('app://console/index.html');
    const probe = await page.evaluate(async () => {
      const own = await fetch('app://console/index.html');
      const escape = await fetch('app://console/%2e%2e/%2e%2e/package.json').then(
        (r) => r.status,
        () => 0,
      );
      return { csp: own.headers.get('content-security-policy') ?? '', type: own.headers.get('content-type'), escape };
    });
    expect(probe.csp).toContain("frame-ancestors 'none'");
    expect(probe.type).toBe('text/html; charset=utf-8');
    expect([0, 403, 404]).toContain(probe.escape);
  });

  test('saves the desk verification record as a PDF where the operator chose, owner-only, with the verdict in it', async () => {
    const target = join(dataDir, 'record.pdf');
    // Only the native save dialog is stood in for (no test can click it); printToPDF and the write are real.
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as unknown as typeof dialog.showSaveDialog;
    }, target);
    await page.getByRole('tab', { name: 'Desk' }).click();
    await page.getByLabel('Customer ID · uuid').fill('electron-record');
    const bizNo = (await page.getByTestId('desk-biz-no').textContent()) ?? '';
    await page.getByRole('button', { name: 'Issue QR code' }).click();
    await expect(page.getByRole('img', { name: 'QR code of the liveness link' })).toBeVisible();
    const url = (await page.getByTestId('desk-liveness-url').textContent()) ?? '';
    // The customer passes on the embedded sandbox's page, posted from here as the phone's browser would.
    const finished = await fetch(url, { method: 'POST', body: new URLSearchParams({ preset: 'passed' }), redirect: 'manual' });
    expect(finished.status).toBe(200);
    await expect(page.getByTestId('verdict-badge')).toHaveText('Passed');
    await page.getByRole('button', { name: 'Save record (PDF)' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Record saved as record.pdf.' })).toBeVisible();
    await expect.poll(() => existsSync(target)).toBe(true);
    await expect.poll(() => statSync(target).size).toBeGreaterThan(1000);
    const bytes = readFileSync(target);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);
    const text = (await new PDFParse({ data: new Uint8Array(bytes) }).getText()).text;
    for (const expected of ['Identity verification record', 'Passed', 'electron-record', bizNo]) expect(text).toContain(expected);
  });

  test('issues a liveness-only token over IPC against the embedded sandbox', async () => {
    const result = await page.evaluate(async () => {
      const api = window.faceidConsole;
      if (!api) throw new Error('no API');
      const profiles = await api.listProfiles({});
      if (!profiles.ok) throw new Error(profiles.error.message);
      const profile = profiles.value[0];
      return api.issueToken({
        callId: crypto.randomUUID(),
        profileId: profile?.id ?? '',
        params: { ...profile?.defaults, biz_no: `electron-${Date.now()}`, comparison_type: '-1', uuid: 'electron-customer' },
        photos: {},
      });
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.outcome).toBe('issued');
      if (result.value.outcome === 'issued') expect(result.value.token).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});
