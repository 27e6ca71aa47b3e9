import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY, appProtocolHandler, isAppOrigin, isAppPage } from '../../../main/electron/app-protocol';

describe('the app:// scheme', () => {
  let root: string;
  let serve: (request: Request) => Promise<Response>;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'faceid-app-scheme-'));
    const renderer = join(root, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>FaceID Console</title>');
    writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(renderer, 'assets', 'index-abc.css'), 'body{}');
    writeFileSync(join(renderer, 'favicon.svg'), '<svg/>');
    writeFileSync(join(renderer, 'notes.md'), '# not served');
    writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
    symlinkSync(join(root, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
    serve = appProtocolHandler(renderer);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

  it('serves the page and its assets with their MIME types, a CSP header and nosniff', async () => {
    for (const [url, type] of [
      [APP_ENTRY, 'text/html; charset=utf-8'],
      ['app://console/', 'text/html; charset=utf-8'],
      ['app://console/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['app://console/assets/index-abc.css', 'text/css; charset=utf-8'],
      ['app://console/favicon.svg', 'image/svg+xml'],
    ] as const) {
      const r = await get(url);
      expect(r.status, url).toBe(200);
      expect(r.headers.get('content-type'), url).toBe(type);
      expect(r.headers.get('content-security-policy'), url).toMatch(/script-src 'self';.*frame-ancestors 'none'/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await (await get(APP_ENTRY)).text()).toContain('FaceID Console');
    const head = await get(APP_ENTRY, 'HEAD');
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it.each([
    'app://console/../secret.txt',
    'app://console/%2e%2e/secret.txt',
    'app://console/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://console/assets/..%5c..%5csecret.txt',
    'app://console/%00index.html',
    'app://console/assets//index-abc.js',
    'app://console/assets/link.txt',
  ])('refuses %s', async (url) => {
    const r = await get(url);
    expect([403, 404]).toContain(r.status);
    expect(await r.text()).not.toContain('outside the renderer');
  });

  it('refuses other hosts, unlisted file types, missing files, bad encodings and writes', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://console/notes.md')).status).toBe(404);
    expect((await get('app://console/missing.js')).status).toBe(404);
    expect((await get('app://console/%E0%A4%A.js')).status).toBe(400);
    expect((await get(APP_ENTRY, 'POST')).status).toBe(405);
  });

  it('knows its own page and origin, and nothing that merely looks like them', () => {
    expect([APP_ENTRY, `${APP_ENTRY}#/history`, 'app://console/'].map(isAppPage)).toEqual([true, true, true]);
    expect(
      [
        'app://console/assets/x.svg',
        'app://console.evil/index.html',
        'app://console/index.html?x=1',
        'file:///index.html',
        'https://console/index.html',
      ].map(isAppPage),
    ).toEqual([false, false, false, false, false]);
    expect(['app://console', 'app://console/index.html'].map(isAppOrigin)).toEqual([true, true]);
    expect(['app://consoles', 'app://console.evil', 'https://app://console'].map(isAppOrigin)).toEqual([false, false, false]);
  });
});
