/**
 * e2e fixtures: each Playwright worker starts the real browser shell (`out/main/web.js`, built by
 * `npm run build`) with the real handlers and the embedded sandbox, on a random port and a temp
 * data folder; every test's `page` opens the console through the printed launch URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

export interface ShellInfo {
  /** Launch URL, the per-launch token in its fragment. */
  url: string;
  /** The per-launch token, for API calls a test makes itself (header X-FaceID-Console-Token). */
  token: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  sandboxUrl: string;
  dataDir: string;
}

function waitForLine(child: ChildProcess, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`browser shell did not start in ${ms} ms; output:\n${seen}`)), ms);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (seen += c.toString()));
    child.once('exit', (code) => reject(new Error(`browser shell exited with ${code}; output:\n${seen}`)));
  });
}

/**
 * The view a test's page opens on. The console opens on Desk (or the last view chosen); specs
 * written for the full parameter sheet start on Expert; `null` leaves the console's own choice.
 */
export type StartView = 'desk' | 'support' | 'expert' | null;

/**
 * One more browser shell of its own (data folder, embedded sandbox, vault), for a spec that plays
 * several consoles at once (two desks and a support agent); `stop()` ends it and removes its data.
 */
export async function startShell(): Promise<ShellInfo & { stop(): void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'faceid-e2e-'));
  const child = spawn(process.execPath, ['out/main/web.js', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const m = await waitForLine(child, /ready: (http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)\n[\s\S]*Embedded sandbox: (\S+)/, 20_000);
    const origin = m[1] ?? '';
    const token = m[2] ?? '';
    return { url: `${origin}/#token=${token}`, token, origin, sandboxUrl: m[3] ?? '', dataDir, stop };
  } catch (e) {
    stop();
    throw e;
  }
}

export const test = base.extend<{ shell: ShellInfo; startView: StartView }, { workerShell: ShellInfo }>({
  startView: ['expert', { option: true }],
  workerShell: [
    async ({}, use) => {
      const { stop, ...shell } = await startShell();
      try {
        await use(shell);
      } finally {
        stop();
      }
    },
    { scope: 'worker' },
  ],
  shell: async ({ workerShell }, use) => use(workerShell),
  page: async ({ page, workerShell, startView }, use) => {
    if (startView) await page.addInitScript((v) => localStorage.setItem('faceid-console.view', v), startView);
    await page.goto(workerShell.url);
    // Tests of a worker share one shell: start each on the built-in sandbox profile, whatever
    // profile an earlier test left active.
    const reset = await page.request.post(`${workerShell.origin}/api/setActiveProfile`, {
      data: { profileId: 'sandbox' },
      headers: { 'X-FaceID-Console-Token': workerShell.token },
    });
    expect(reset.ok()).toBe(true);
    await page.reload();
    await use(page);
  },
});

export { expect };

/**
 * Skips the tests of this file (or describe block) when `why` is given, printing it in the run's
 * output as well as in the report: a skip never passes unexplained.
 */
export function skipBecause(tag: string, why: string | undefined): void {
  if (!why) return;
  console.log(`[${tag}] tests skipped: ${why}.`);
  test.skip(true, why);
}

/**
 * Chromium's fake camera (a 640×480 test pattern) with an automatic "allow": the real
 * getUserMedia path, for the specs that open the desk's camera (`test.use(FAKE_CAMERA)`; a spec
 * of its own, since the camera needs its own browser launch).
 */
export const FAKE_CAMERA: { startView: StartView; permissions: string[]; launchOptions: { executablePath: string; args: string[] } } = {
  startView: null,
  permissions: ['camera'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
};
