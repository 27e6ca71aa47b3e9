/**
 * The window's security rules, as functions over injected Electron objects (so they run and are
 * tested under plain Node): no navigation away from the console — an http(s) link goes to the
 * system browser instead —, no new windows, no <webview>, every permission denied except the
 * camera for our own page, and downloads (exports) written owner-only.
 */
import { tightenFileIfPresent } from '../app/private-files';

/** The part of a navigation event the rules use. */
export interface PreventableLike {
  preventDefault(): void;
}

/** The part of Electron's WebContents the rules use (method syntax: Electron's overloads fit it). */
export interface WebContentsLike {
  on(event: string, listener: (event: PreventableLike, url: string) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface ContentsRules {
  isOwnPage: (url: string) => boolean;
  /** shell.openExternal: the operator's default browser. */
  openExternal: (url: string) => unknown;
}

const isWebLink = (url: string) => /^https?:\/\//i.test(url);

/**
 * What a navigation to `url` may do: stay (our own page), leave for the system browser (an
 * http(s) link), or nothing at all (any other scheme: file:, javascript:, custom handlers).
 */
export function navigationVerdict(url: string, isOwnPage: (url: string) => boolean): 'allow' | 'external' | 'block' {
  if (isOwnPage(url)) return 'allow';
  return isWebLink(url) ? 'external' : 'block';
}

/** Applies the navigation, new-window and webview rules to one web contents. */
export function hardenContents(contents: WebContentsLike, rules: ContentsRules): void {
  contents.on('will-navigate', (event, url) => {
    const verdict = navigationVerdict(url, rules.isOwnPage);
    if (verdict === 'allow') return;
    event.preventDefault();
    if (verdict === 'external') void rules.openExternal(url);
  });
  // A redirect is never followed out of the console (and never opened elsewhere: nobody clicked it).
  contents.on('will-redirect', (event, url) => {
    if (!rules.isOwnPage(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebLink(url)) void rules.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * The camera rule: 'media' for our own origin only, and video only — the desk will photograph a
 * customer, and nothing in the console needs the microphone. Everything else is denied
 * (notifications, geolocation, clipboard, HID, serial, USB, …).
 */
export function mayUsePermission(
  permission: string,
  origin: string,
  mediaTypes: readonly string[] | undefined,
  isOwnOrigin: (url: string) => boolean,
): boolean {
  if (permission !== 'media' || !isOwnOrigin(origin)) return false;
  return mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video');
}

/** The part of Electron's Session the permission and download rules use. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string; mediaTypes?: string[] },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (contents: unknown, permission: string, requestingOrigin: string, details: { mediaType?: string }) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: unknown, item: DownloadItemLike) => void): unknown;
}

/** The part of Electron's DownloadItem the download rule uses. */
export interface DownloadItemLike {
  getSavePath(): string;
  once(event: 'done', listener: (event: unknown, state: string) => void): unknown;
}

/** Installs the permission rules on a session. */
export function restrictPermissions(session: SessionLike, isOwnOrigin: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(mayUsePermission(permission, details.requestingUrl ?? '', details.mediaTypes, isOwnOrigin)),
  );
  session.setPermissionCheckHandler((_contents, permission, origin, details) => {
    // A check names one media type (or "unknown" while enumerating): audio never passes.
    const type = details.mediaType;
    return mayUsePermission(permission, origin, type === undefined || type === 'unknown' ? ['video'] : [type], isOwnOrigin);
  });
  session.setDevicePermissionHandler(() => false);
}

/**
 * Exports the operator saves (history CSV/JSON, profiles) are written by Chromium's download
 * manager with the umask's mode; narrow each finished file to 0600 like everything else the
 * console writes. Returns nothing to wait for: the rule runs whenever a download completes.
 */
export function privateDownloads(session: SessionLike, log: (line: string) => void): void {
  session.on('will-download', (_event, item) => {
    item.once('done', (_e, state) => {
      if (state !== 'completed') return;
      try {
        const t = tightenFileIfPresent(item.getSavePath());
        if (t?.error) log(`download: ${item.getSavePath()} could not be made private: ${t.error}`);
      } catch (e) {
        log(`download: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  });
}
