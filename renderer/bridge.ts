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
  if (res.status !== 200 && res.status !== 400) {
    const text = (await res.text().catch(() => '')).slice(0, 200);
    const hint = res.status === 401 ? ' Open the console again with the URL printed at launch.' : '';
    return { ok: false, error: { code: 'BRIDGE_ERROR', message: `The console's server answered HTTP ${res.status}: ${text}${hint}` } };
  }
  try {
    return (await res.json()) as Result<ApiResponses[K]>;
  } catch {
    return { ok: false, error: { code: 'BRIDGE_ERROR', message: `The console's server sent an unreadable answer (HTTP ${res.status}).` } };
  }
}

function httpApi(): ConsoleApi {
  const entries = OP_NAMES.map((op) => [op, (request: ApiRequest<typeof op>) => post(op, request)]);
  return Object.fromEntries(entries) as ConsoleApi;
}

export const api: ConsoleApi = window.faceidConsole ?? httpApi();
