import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserCommand } from '../../main/web/open-browser';
import { exited, startShellProcess } from '../support/shell-process';

describe('opening the default browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faceid-open-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('picks $BROWSER first, then the platform opener', () => {
    const url = 'http://127.0.0.1:5/#token=abc&x';
    expect(browserCommand(url, 'linux', { BROWSER: 'firefox' })).toEqual({ cmd: 'firefox', args: [url] });
    expect(browserCommand(url, 'linux', {})).toEqual({ cmd: 'xdg-open', args: [url] });
    expect(browserCommand(url, 'darwin', {})).toEqual({ cmd: 'open', args: [url] });
    expect(browserCommand(url, 'win32', {})).toEqual({ cmd: 'cmd', args: ['/c', 'start', '""', 'http://127.0.0.1:5/#token=abc^&x'] });
  });

  it('with --open, hands the launch URL (token in the fragment) to the browser; without it, opens nothing', async () => {
    const opened = join(dir, 'opened.txt');
    const fakeBrowser = join(dir, 'browser.sh');
    writeFileSync(fakeBrowser, `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
    chmodSync(fakeBrowser, 0o755);
    const env = { ...process.env, BROWSER: fakeBrowser };
    const plain = await startShellProcess(join(dir, 'data-1'), 20_000, { env });
    await expect.poll(() => plain.output(), { timeout: 5_000 }).toContain('Press Ctrl+C to stop.');
    // An opener would have been started right after that line; give a started one time to write.
    await new Promise((r) => setTimeout(r, 500));
    expect(plain.output()).not.toMatch(/default browser|open a browser/);
    plain.child.kill('SIGTERM');
    await exited(plain.child);
    expect(existsSync(opened)).toBe(false);

    const shell = await startShellProcess(join(dir, 'data-2'), 20_000, { args: ['--open'], env });
    try {
      await expect
        .poll(() => (existsSync(opened) ? readFileSync(opened, 'utf8') : ''), { timeout: 10_000 })
        .toBe(`${shell.origin}/#token=${shell.token}`);
      await expect.poll(() => shell.output(), { timeout: 5_000 }).toContain('Opened in your default browser.');
    } finally {
      shell.child.kill('SIGTERM');
      await exited(shell.child);
    }
  });
});
