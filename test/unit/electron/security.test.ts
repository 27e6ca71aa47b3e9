import { EventEmitter } from 'node:events';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, isAppOrigin, isAppPage } from '../../../main/electron/app-protocol';
import {
  hardenContents,
  mayUsePermission,
  privateDownloads,
  restrictPermissions,
  type DownloadItemLike,
  type SessionLike,
  type WebContentsLike,
} from '../../../main/electron/security';

/** Stands in for a WebContents: emits navigation events and keeps the window-open handler. */
class FakeContents extends EventEmitter implements WebContentsLike {
  openHandler?: (details: { url: string }) => { action: 'deny' };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** Emits a navigation and tells whether it was prevented. */
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url = ''): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function hardened() {
  const contents = new FakeContents();
  const opened: string[] = [];
  hardenContents(contents, { isOwnPage: isAppPage, openExternal: (u) => opened.push(u) });
  return { contents, opened };
}

describe('window rules', () => {
  it('lets the console reload itself and sends a clicked http(s) link to the system browser', () => {
    const { contents, opened } = hardened();
    expect(contents.navigate('will-navigate', `${APP_ENTRY}#/history`)).toBe(false);
    expect(contents.navigate('will-navigate', 'https://www.megvii.com/docs')).toBe(true);
    expect(opened).toEqual(['https://www.megvii.com/docs']);
  });

  it('refuses navigation to any other scheme without opening anything', () => {
    const { contents, opened } = hardened();
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://elsewhere/index.html',
      'smb://host/share',
      'data:text/html,<p>x',
    ]) {
      expect(contents.navigate('will-navigate', url), url).toBe(true);
    }
    expect(opened).toEqual([]);
  });

  it('never follows a redirect out of the console, nor opens it, and refuses <webview>', () => {
    const { contents, opened } = hardened();
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-redirect', APP_ENTRY)).toBe(false);
    expect(contents.navigate('will-attach-webview')).toBe(true);
    expect(opened).toEqual([]);
  });

  it('denies every window.open, handing http(s) ones to the system browser', () => {
    const { contents, opened } = hardened();
    expect(contents.openHandler?.({ url: 'https://api-idn.megvii.com/faceid/lite/do?token=t' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///tmp/x.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: APP_ENTRY })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://api-idn.megvii.com/faceid/lite/do?token=t']);
  });
});

describe('permissions', () => {
  it('grants the camera to our own page only, and nothing else to anyone', () => {
    expect(mayUsePermission('media', APP_ENTRY, ['video'], isAppOrigin)).toBe(true);
    expect(mayUsePermission('media', APP_ENTRY, ['audio'], isAppOrigin)).toBe(false);
    expect(mayUsePermission('media', APP_ENTRY, ['video', 'audio'], isAppOrigin)).toBe(false);
    expect(mayUsePermission('media', APP_ENTRY, [], isAppOrigin)).toBe(false);
    expect(mayUsePermission('media', 'https://evil.example/', ['video'], isAppOrigin)).toBe(false);
    expect(mayUsePermission('media', 'app://consoles.evil/', ['video'], isAppOrigin)).toBe(false);
    for (const p of ['notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb']) {
      expect(mayUsePermission(p, APP_ENTRY, ['video'], isAppOrigin), p).toBe(false);
    }
  });

  it('installs the rule on the session for requests and checks, and denies devices', () => {
    const installed: Partial<Record<'request' | 'check' | 'device', (...args: never[]) => unknown>> = {};
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => (installed.request = h as never),
      setPermissionCheckHandler: (h) => (installed.check = h as never),
      setDevicePermissionHandler: (h) => (installed.device = h as never),
      on: () => undefined,
    };
    restrictPermissions(session, isAppOrigin);
    const asked = (permission: string, requestingUrl: string, mediaTypes?: string[]) => {
      let granted: boolean | undefined;
      (installed.request as unknown as Parameters<SessionLike['setPermissionRequestHandler']>[0])({}, permission, (g) => (granted = g), {
        requestingUrl,
        mediaTypes,
      });
      return granted;
    };
    expect(asked('media', APP_ENTRY, ['video'])).toBe(true);
    expect(asked('media', 'https://evil.example/', ['video'])).toBe(false);
    expect(asked('notifications', APP_ENTRY)).toBe(false);
    const check = installed.check as unknown as Parameters<SessionLike['setPermissionCheckHandler']>[0];
    expect(check({}, 'media', 'app://console', { mediaType: 'video' })).toBe(true);
    expect(check({}, 'media', 'app://console', { mediaType: 'audio' })).toBe(false);
    expect(check({}, 'geolocation', 'app://console', {})).toBe(false);
    expect((installed.device as unknown as () => boolean)()).toBe(false);
  });
});

describe.skipIf(process.platform === 'win32')('downloads', () => {
  it('narrows a completed export to 0600, and leaves a cancelled one alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faceid-download-'));
    try {
      const sessionEvents = new EventEmitter();
      const session = { on: (e: string, l: Parameters<EventEmitter['on']>[1]) => sessionEvents.on(e, l) } as unknown as SessionLike;
      const logs: string[] = [];
      privateDownloads(session, (l) => logs.push(l));
      const download = (file: string, state: string) => {
        writeFileSync(file, 'biz_no,token\n');
        chmodSync(file, 0o644);
        const item = Object.assign(new EventEmitter(), { getSavePath: () => file }) as unknown as DownloadItemLike & EventEmitter;
        sessionEvents.emit('will-download', {}, item);
        item.emit('done', {}, state);
        return statSync(file).mode & 0o777;
      };
      expect(download(join(dir, 'faceid-history.csv'), 'completed')).toBe(0o600);
      expect(download(join(dir, 'cancelled.csv'), 'cancelled')).toBe(0o644);
      expect(logs).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
