/**
 * The renderer's only way to the trusted side: the preload's named functions under Electron, or
 * the browser shell's HTTP routes (same names, same payloads, same Results).
 *
 * The browser shell's launch URL carries its access token in the fragment (`/#token=…`), which
 * no browser sends to a server. The bridge moves it into sessionStorage (this tab only; a reload
 * keeps it, closing the tab forgets it), takes it out of the address bar and the history, and
 * sends it in a header on /api/* calls only. No cookie: cookies ignore ports, so one would reach
 * every service on 127.0.0.1.
 */
import type { ApiRequest, ApiResponses, ConsoleApi } from '../core/api';
import { OP_NAMES, type OpName } from '../core/ops';
import { msg, type MessageRef } from '../core/i18n/render';
import type { Result } from '../core/result';

const TOKEN_HEADER = 'X-FaceID-Console-Token';
const TOKEN_KEY = 'faceid-console-token';
/** What to do on a refused token (namespace `bridge`, renderer/i18n/bridge-messages.ts). */
const REOPEN = msg('bridge', 'reopen');

/** Takes the token from the launch URL's fragment into session storage; returns the one to use. */
function adoptLaunchToken(): string | null {
  const fromUrl = /^#token=([A-Za-z0-9_-]{16,256})$/.exec(window.location.hash)?.[1];
  let stored: string | null = null;
  try {
    if (fromUrl) window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    stored = window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    // Storage refused (a locked-down profile): the token still works until the page is reloaded.
  }
  if (window.location.hash.startsWith('#token=')) {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return fromUrl ?? stored;
}

/** A failure of the bridge itself: its words by reference, the technical detail (if any) as `message`. */
function bridgeError(words: MessageRef[], detail = ''): Result<never> {
  return { ok: false, error: { code: 'BRIDGE_ERROR', message: detail || 'BRIDGE_ERROR', words } };
}

const errorDetail = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function post<K extends OpName>(token: string | null, op: K, request: ApiRequest<K>): Promise<Result<ApiResponses[K]>> {
  if (!token) return bridgeError([msg('bridge', 'noToken'), REOPEN]);
  let res: Response;
  try {
    res = await fetch(`/api/${op}`, { method: 'POST', credentials: 'omit', ...encode(op, request, token) });
  } catch (e) {
    return bridgeError([msg('bridge', 'unreachable', { detail: errorDetail(e) })], errorDetail(e));
  }
  const text = await res.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (res.status === 200) {
    return isResult(body) ? (body as Result<ApiResponses[K]>) : bridgeError([msg('bridge', 'unreadable', { op })]);
  }
  // Refusals come in the Result's failure shape; keep their code and words, and say what to do on a 401
  // (after the refusal's own words, or its message when it brought none).
  const hint = res.status === 401 ? [REOPEN] : [];
  if (isResult(body) && (body as Result<unknown>).ok === false) {
    const { error } = body as Extract<Result<unknown>, { ok: false }>;
    if (hint.length === 0) return { ok: false, error };
    const words = error.words && error.words.length > 0 ? error.words : [msg('bridge', 'asIs', { text: error.message })];
    return { ok: false, error: { ...error, words: [...words, ...hint] } };
  }
  const detail = text.slice(0, 200);
  return bridgeError([msg('bridge', 'httpStatus', { status: res.status, detail }), ...hint], detail);
}

/** A photo travels as its bytes (no base64, no JSON); every other request as JSON. */
function encode<K extends OpName>(
  op: K,
  request: ApiRequest<K>,
  token: string,
): { headers: Record<string, string>; body: BodyInit; keepalive?: boolean } {
  if (op === 'stagePhoto') {
    const { name, bytes } = request as ApiRequest<'stagePhoto'>;
    return {
      headers: { 'Content-Type': 'application/octet-stream', 'X-FaceID-Photo-Name': encodeURIComponent(name), [TOKEN_HEADER]: token },
      body: bytes as Uint8Array<ArrayBuffer>,
    };
  }
  // A drop is sent as the page goes away (pagehide): keepalive lets it outlive the page.
  return {
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify(request),
    ...(op === 'dropPhoto' ? { keepalive: true } : {}),
  };
}

/** The minimal shape every answer must have before the UI trusts it. */
function isResult(v: unknown): boolean {
  if (!v || typeof v !== 'object') return false;
  const r = v as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  return r.ok === true ? 'value' in r : r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string';
}

function httpApi(): ConsoleApi {
  const token = adoptLaunchToken();
  const entries = OP_NAMES.map((op) => [op, (request: ApiRequest<typeof op>) => post(token, op, request)]);
  return Object.fromEntries(entries) as ConsoleApi;
}

/** Wraps the preload's functions so a rejected IPC call becomes a Result like any other failure. */
function guarded(inner: ConsoleApi): ConsoleApi {
  const entries = OP_NAMES.map((op) => [
    op,
    async (request: ApiRequest<typeof op>) => {
      try {
        const r: unknown = await (inner[op] as (req: unknown) => Promise<unknown>)(request);
        return isResult(r) ? r : bridgeError([msg('bridge', 'ipcUnreadable', { op })]);
      } catch (e) {
        return bridgeError([msg('bridge', 'ipcFailed', { op, detail: errorDetail(e) })], errorDetail(e));
      }
    },
  ]);
  return Object.fromEntries(entries) as ConsoleApi;
}

export const api: ConsoleApi = window.faceidConsole ? guarded(window.faceidConsole) : httpApi();
