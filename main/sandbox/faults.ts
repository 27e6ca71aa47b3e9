/**
 * Fault injection for support work: make the next get_token / get_result answers slow, lost,
 * mangled by a proxy, trickled, or refused for concurrency, so the console's handling of each
 * can be seen. Two ways in: a plan set in-process (`sandbox.faults`) or over HTTP
 * (`/sandbox/faults`), and magic `uuid` values on get_token (see MAGIC_TRANSPORT_UUIDS).
 *
 * What each mode does to the request it hits:
 * - latency: the answer is held back latencyMs before it is sent (combined with any mode).
 * - reset: the request is read and processed (a token may be issued, a fetch counted), then the
 *   connection is destroyed without an answer — the client cannot know what happened.
 * - trickle: the request is processed and its real answer is sent a few bytes at a time over
 *   about TRICKLE_MS, so a client timeout shorter than that trips mid-answer.
 * - proxy-502: an nginx-style HTML 502 page; the service never saw the request (no token, no fetch).
 * - concurrency: 403 CONCURRENCY_LIMIT_EXCEEDED; the service did nothing else.
 * A plan may name the one operation it targets (`operation: 'get_token' | 'get_result'`);
 * without one it hits whichever of the two comes next.
 */
import type { ServerResponse } from 'node:http';
import {
  MAX_FAULT_LATENCY_MS,
  checkFaultPlan,
  type FaultMode,
  type FaultOperation,
  type SandboxFaultPlan,
} from '../../core/sandbox-faults';

export { FAULT_MODES, checkFaultPlan, type FaultMode, type FaultOperation, type SandboxFaultPlan } from '../../core/sandbox-faults';
/** How long a trickled answer takes from its first byte to its last. */
export const TRICKLE_MS = 6_000;
const TRICKLE_MIN_TICK_MS = 20;

/** The in-process control of the fault plan. */
export interface SandboxFaults {
  /** Replaces the plan; throws an Error naming the bad field. */
  set(plan: SandboxFaultPlan): void;
  /** The plan with the calls it still applies to, or null. */
  get(): SandboxFaultPlan | null;
  clear(): void;
}

/** What happens to one answer. */
export interface Fault {
  latencyMs: number;
  mode?: FaultMode;
}

/** Magic uuid values of get_token that act like a one-call plan (only on a request that passed validation). */
export const MAGIC_TRANSPORT_UUIDS = {
  reset: 'sandbox:reset',
  proxy502: 'sandbox:proxy-502',
  trickle: 'sandbox:trickle',
  /** `sandbox:latency-<ms>`, e.g. sandbox:latency-3000; more than 30000 counts as 30000. */
  latencyPrefix: 'sandbox:latency-',
} as const;

/**
 * The plan holder; take() hands the fault to the next call the plan targets and counts it down.
 * A plan is the operator's: calls the console makes on its own (the result fetch after a flow
 * ends) never reach take() — server.ts keeps them out — so they cannot use up a plan meant for
 * the operator's next call.
 */
export class FaultControl implements SandboxFaults {
  private plan: SandboxFaultPlan = {};
  private remaining = 0;

  set(plan: SandboxFaultPlan): void {
    const checked = checkFaultPlan(plan);
    this.plan = checked;
    this.remaining = checked.remaining ?? 1;
  }

  get(): SandboxFaultPlan | null {
    return this.remaining > 0 ? { ...this.plan, remaining: this.remaining } : null;
  }

  clear(): void {
    this.plan = {};
    this.remaining = 0;
  }

  /** The fault for the `operation` call now arriving, if the plan still applies to it. */
  take(operation: FaultOperation): Fault | undefined {
    if (this.remaining <= 0) return undefined;
    if (this.plan.operation !== undefined && this.plan.operation !== operation) return undefined;
    this.remaining -= 1;
    return { latencyMs: this.plan.latencyMs ?? 0, mode: this.plan.mode };
  }
}

/** The fault a get_token uuid asks for, if it is one of the magic transport values. */
export function magicFault(uuid: string | undefined): Fault | undefined {
  switch (uuid) {
    case MAGIC_TRANSPORT_UUIDS.reset:
      return { latencyMs: 0, mode: 'reset' };
    case MAGIC_TRANSPORT_UUIDS.proxy502:
      return { latencyMs: 0, mode: 'proxy-502' };
    case MAGIC_TRANSPORT_UUIDS.trickle:
      return { latencyMs: 0, mode: 'trickle' };
  }
  const m = /^sandbox:latency-(\d{1,9})$/.exec(uuid ?? '');
  return m ? { latencyMs: Math.min(Number(m[1]), MAX_FAULT_LATENCY_MS) } : undefined;
}

/** An answer ready to send. */
export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

export const PROXY_502_ANSWER: Answer = {
  status: 502,
  contentType: 'text/html',
  body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
};

/** Resolves after ms, or at once when the client goes away (nothing is left to delay). */
function hold(res: ServerResponse, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.on('close', done);
  });
}

function trickle(res: ServerResponse, answer: Answer): void {
  const bytes = Buffer.from(answer.body, 'utf8');
  res.writeHead(answer.status, { 'Content-Type': answer.contentType, 'Content-Length': String(bytes.length) });
  const tick = Math.max(TRICKLE_MIN_TICK_MS, Math.floor(TRICKLE_MS / Math.max(1, bytes.length)));
  const step = Math.max(1, Math.ceil((bytes.length * tick) / TRICKLE_MS));
  let at = 0;
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer);
    res.write(bytes.subarray(at, at + step));
    at += step;
    if (at >= bytes.length) {
      clearInterval(timer);
      res.end();
    }
  }, tick);
  res.on('close', () => clearInterval(timer));
}

/** Sends an answer as the fault says (or plainly). The request must have been read already. */
export async function deliverAnswer(res: ServerResponse, answer: Answer, fault?: Fault): Promise<void> {
  await hold(res, fault?.latencyMs ?? 0);
  if (res.destroyed || res.writableEnded) return;
  if (fault?.mode === 'reset') {
    res.socket?.destroy();
    return;
  }
  if (fault?.mode === 'trickle') return trickle(res, answer);
  res.writeHead(answer.status, { 'Content-Type': answer.contentType });
  res.end(answer.body);
}
