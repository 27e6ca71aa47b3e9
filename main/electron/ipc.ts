/**
 * Binds the handler table to ipcMain. Each call is checked for who is asking, as VS Code's
 * validated IPC does: the sender must be the top-level frame of our own window showing our own
 * page. A refused call is logged — the sender's origin only (never its path or query, which may
 * carry anything), at most one line per origin per window, with how many were folded into it —
 * so a hostile page cannot flood the log. Electron's objects are injected: this runs under Node.
 */
import { OP_NAMES } from '../../core/api';
import { ipcChannel } from '../../core/ipc';
import { fail, worded } from '../../core/result';
import { msg } from '../../core/i18n/render';
import type { HandlerTable } from '../services/handlers';

/** The sender frame as Electron gives it: null once the frame is gone. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/** The part of Electron's `ipcMain` this binding uses. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: SenderFrameLike | null | undefined }, payload: unknown) => Promise<unknown>,
  ): void;
}

export interface IpcBinding {
  ipcMain: IpcMainLike;
  handlers: HandlerTable;
  isOwnPage: (url: string) => boolean;
  /** The app's redacted log. */
  log: (line: string) => void;
  now?: () => number;
  /** At most one refusal line per origin in this window. Default 60 s. */
  logWindowMs?: number;
}

/** The scheme and host of a URL (never its path, query or hash); for opaque ones, the scheme. */
export function originOf(url: string): string {
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : u.protocol;
  } catch {
    return 'an unparsable URL';
  }
}

/** Why a sender is refused, or undefined when it is our own top-level page. */
export function refusal(frame: SenderFrameLike | null | undefined, isOwnPage: (url: string) => boolean): string | undefined {
  if (!frame) return 'no sender frame (it navigated away or was destroyed)';
  let url: string;
  let parent: unknown;
  try {
    url = frame.url;
    parent = frame.parent;
  } catch {
    return 'a sender frame that is no longer readable';
  }
  if (parent !== null) return `a sub-frame showing ${originOf(url)}`;
  if (!isOwnPage(url)) return `a top-level frame showing ${originOf(url)}`;
  return undefined;
}

/** Logs a refusal per key at most once per window; keeps a bounded number of keys. */
function rateLimited(log: (line: string) => void, now: () => number, windowMs: number): (key: string, line: string) => void {
  const seen = new Map<string, { at: number; folded: number }>();
  return (key, line) => {
    const t = now();
    const s = seen.get(key);
    if (s && t - s.at < windowMs) {
      s.folded++;
      return;
    }
    if (!s && seen.size >= 100) seen.clear();
    log(s && s.folded > 0 ? `${line} (and ${s.folded} more from there in the last ${Math.round((t - s.at) / 1000)} s)` : line);
    seen.set(key, { at: t, folded: 0 });
  };
}

/** Registers one ipcMain handler per operation, each checking its sender first. */
export function bindIpc(b: IpcBinding): void {
  const report = rateLimited(b.log, b.now ?? Date.now, b.logWindowMs ?? 60_000);
  for (const op of OP_NAMES) {
    b.ipcMain.handle(ipcChannel(op), async (event, payload) => {
      const why = refusal(event.senderFrame, b.isOwnPage);
      if (why !== undefined) {
        report(why, `ipc: refused ${op} from ${why}`);
        return fail(worded('FORBIDDEN_SENDER', msg('console', 'request.forbiddenSender')));
      }
      return b.handlers[op](payload);
    });
  }
}
