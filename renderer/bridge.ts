/**
 * The renderer's only way to the trusted side: the preload's named functions under Electron, or
 * the browser shell's HTTP routes (same names, same payloads, same Results). The browser shell
 * authenticates with an HttpOnly cookie, so the page never handles the access token.
 */
import type { ApiRequest, ApiResponses, ConsoleApi } from '../core/api';
import { OP_NAMES, type OpName } from '../core/ops';
import type { Result } from '../core/result';

async function post<K extends OpName>(op: K, request: ApiRequest<K>): Promise<Result<ApiResponses[K]>> {
  let res: Response;
  try {
    res = await fetch(`/api/${op}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch (e) {
    return { ok: false, error: { code: 'BRIDGE_ERROR', message: `The console's server cannot be reached (${e instanceof Error ? e.message : String(e)}). Is \`npm run web\` still running?` } };
  }
  if (res.status !== 200) {
    const text = (await res.text().catch(() => '')).slice(0, 200);
    const hint = res.status === 401 ? ' Open the console again with the URL printed at launch.' : '';
    return { ok: false, error: { code: 'BRIDGE_ERROR', message: `The console's server answered HTTP ${res.status}: ${text}${hint}` } };
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  return isResult(body) ? (body as Result<ApiResponses[K]>) : { ok: false, error: { code: 'BRIDGE_ERROR', message: `The console's server sent an unreadable answer to ${op}.` } };
}

/** The minimal shape every answer must have before the UI trusts it. */
function isResult(v: unknown): boolean {
  if (!v || typeof v !== 'object') return false;
  const r = v as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  return r.ok === true ? 'value' in r : r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string';
}

function httpApi(): ConsoleApi {
  const entries = OP_NAMES.map((op) => [op, (request: ApiRequest<typeof op>) => post(op, request)]);
  return Object.fromEntries(entries) as ConsoleApi;
}

/** Wraps the preload's functions so a rejected IPC call becomes a Result like any other failure. */
function guarded(inner: ConsoleApi): ConsoleApi {
  const entries = OP_NAMES.map((op) => [
    op,
    async (request: ApiRequest<typeof op>) => {
      try {
        const r: unknown = await (inner[op] as (req: unknown) => Promise<unknown>)(request);
        return isResult(r) ? r : { ok: false, error: { code: 'BRIDGE_ERROR', message: `The console sent an unreadable answer to ${op}.` } };
      } catch (e) {
        return { ok: false, error: { code: 'BRIDGE_ERROR', message: `The console's main process did not answer ${op}: ${e instanceof Error ? e.message : String(e)}` } };
      }
    },
  ]);
  return Object.fromEntries(entries) as ConsoleApi;
}

export const api: ConsoleApi = window.faceidConsole ? guarded(window.faceidConsole) : httpApi();
