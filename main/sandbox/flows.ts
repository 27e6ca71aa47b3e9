/**
 * The life of each verification flow in the sandbox: NOT_STARTED at get_token, PROCESSING once
 * the liveness page is opened, then one end status, signed and kept for get_result.
 *
 * Choices where faceid-api.md is open (§3, §4, §5, §9):
 * - The token is spent when the outcome is submitted, not when the page is first opened: a
 *   reload during the flow shows the page again (what a customer's flaky phone does).
 * - A flow still NOT_STARTED or PROCESSING when its token expires ends as TIMEOUT, with the
 *   notify_url callback, as the docs say notify is sent "after finish / cancel / timeout".
 * - A result is kept one day from the end of the flow (sandbox clock) and answered at most three
 *   times; what counts as a fetch is decided by get-result.ts.
 */
import { performance } from 'node:perf_hooks';
import type { FlowStatus } from '../../core/faceid/verification';
import { signCallback } from '../faceid/signature';
import { serialId } from './ids';
import type { IssuedToken } from './tokens';
import { buildVerificationData, type TesterChoice } from './verification-data';

export const RESULT_FETCH_LIMIT = 3;
export const RESULT_RETENTION_MS = 24 * 60 * 60 * 1000;
/**
 * The sandbox keeps at most this many flows (tokens), and forgets the oldest-issued beyond it: a
 * long-running sandbox must not grow without bound (100,000 tokens would otherwise stay in memory).
 * A forgotten token is as if never issued: its liveness page says INVALID_TOKEN (unknown),
 * get_result answers RESULT_NOT_FOUND. 20,000 is far more than a support session issues.
 */
export const SANDBOX_MAX_FLOWS = 20_000;
/** A destroyed result still answers DATA_DESTROYED for this long, then the flow is forgotten. */
export const DESTROYED_MEMORY_MS = 24 * 60 * 60 * 1000;

export interface Flow {
  token: IssuedToken;
  status: FlowStatus;
  /** Monotonic time the page was first opened: the flow's time_used runs from here. */
  openedAt?: number;
  /** Sandbox clock (ms) at the end of the flow. */
  endedAtMs?: number;
  /** The `data` string exactly as signed and sent, and its sign. */
  data?: string;
  sign?: string;
  /** get_result answers served for the finished result. */
  fetches: number;
}

/** A flow that has ended: its data and sign exist. */
export type EndedFlow = Flow & { endedAtMs: number; data: string; sign: string };

/** What the sandbox tells in-process listeners when a flow ends. */
export interface FlowEndedEvent {
  biz_id: string;
  token: string;
  status: string;
}

/** What the sandbox tells in-process listeners when a customer first opens a flow's page (NOT_STARTED → PROCESSING). */
export interface FlowOpenedEvent {
  biz_id: string;
  token: string;
  /** Sandbox clock, ms. */
  at: number;
}

export type TokenCheck = { ok: true; flow: Flow } | { ok: false; problem: 'unknown' | 'used' | 'expired'; flow?: Flow };

export interface FlowDeps {
  now: () => number;
  apiSecret: string;
  /** Called once per flow as it ends, before the listeners (the sandbox starts notify_url here). */
  delivered: (flow: EndedFlow) => void;
  /** Called for each flow the store forgets (the cap, or long after its result was destroyed). */
  forgotten?: (token: IssuedToken) => void;
  /** SANDBOX_MAX_FLOWS unless given (tests). */
  maxFlows?: number;
}

export const isEnded = (flow: Flow): flow is EndedFlow =>
  flow.data !== undefined && flow.sign !== undefined && flow.endedAtMs !== undefined;

/** The flows of the tokens a sandbox issued, by token and by biz_id. */
export class FlowStore {
  private readonly byToken = new Map<string, Flow>();
  private readonly byBiz = new Map<string, Flow>();
  /** Flows not yet ended, so the expiry sweep does not walk every flow ever issued. */
  private readonly running = new Set<Flow>();
  private readonly listeners = new Set<(e: FlowEndedEvent) => void>();
  private readonly openListeners = new Set<(e: FlowOpenedEvent) => void>();

  constructor(private readonly deps: FlowDeps) {}

  /** Starts tracking a newly issued token: NOT_STARTED; forgets the oldest flows beyond the cap. */
  add(token: IssuedToken): void {
    const flow: Flow = { token, status: 'NOT_STARTED', fetches: 0 };
    this.byToken.set(token.token, flow);
    this.byBiz.set(token.biz_id, flow);
    this.running.add(flow);
    this.forgetOld();
  }

  /** How many flows are kept. */
  get size(): number {
    return this.byToken.size;
  }

  /**
   * The map's first entries are the oldest issued: drop them while over the cap, or while long
   * past their result's retention. Amortised O(1) per issued token, never a walk of every flow.
   */
  private forgetOld(): void {
    const max = this.deps.maxFlows ?? SANDBOX_MAX_FLOWS;
    const nowMs = this.deps.now();
    for (const flow of this.byToken.values()) {
      const stale = isEnded(flow) && nowMs >= flow.endedAtMs + RESULT_RETENTION_MS + DESTROYED_MEMORY_MS;
      if (this.byToken.size <= max && !stale) return;
      this.remove(flow.token);
      this.deps.forgotten?.(flow.token);
    }
  }

  /** Forgets a token that was issued but whose answer never counted (e.g. a forced proxy 502). */
  remove(token: IssuedToken): void {
    const flow = this.byToken.get(token.token);
    this.byToken.delete(token.token);
    this.byBiz.delete(token.biz_id);
    if (flow) this.running.delete(flow);
  }

  byBizId(bizId: string): Flow | undefined {
    return this.byBiz.get(bizId);
  }

  /** Whether a token may still be used on the liveness page; a used token is reported before an expired one. */
  checkToken(token: string): TokenCheck {
    this.expireDue();
    const flow = this.byToken.get(token);
    if (!flow) return { ok: false, problem: 'unknown' };
    if (flow.token.used) return { ok: false, problem: 'used', flow };
    if (isEnded(flow) || this.deps.now() >= flow.token.expired_time * 1000) return { ok: false, problem: 'expired', flow };
    return { ok: true, flow };
  }

  /** The customer opened the page: NOT_STARTED → PROCESSING (a reload changes nothing). */
  open(flow: Flow): void {
    if (flow.status !== 'NOT_STARTED') return;
    flow.status = 'PROCESSING';
    flow.openedAt = performance.now();
    const event: FlowOpenedEvent = { biz_id: flow.token.biz_id, token: flow.token.token, at: this.deps.now() };
    for (const listener of [...this.openListeners]) {
      try {
        listener(event);
      } catch {
        // A listener's bug must not break the page for the customer.
      }
    }
  }

  /**
   * Ends a flow with the tester's outcome: builds, signs and keeps `data`, then reports the end.
   * `atMs` is when the flow ended on the sandbox clock (now, or the expiry of a timed-out token).
   */
  end(flow: Flow, choice: TesterChoice, spendToken: boolean, atMs = this.deps.now()): EndedFlow {
    const nowMs = atMs;
    const timeUsedMs = flow.openedAt === undefined ? 0 : Math.round(performance.now() - flow.openedAt);
    const data = JSON.stringify(buildVerificationData(flow.token, choice, { requestId: serialId(nowMs), timeUsedMs }));
    const ended: EndedFlow = Object.assign(flow, {
      status: choice.status,
      endedAtMs: nowMs,
      data,
      sign: signCallback(this.deps.apiSecret, data),
    });
    if (spendToken) flow.token.used = true;
    this.running.delete(flow);
    this.deps.delivered(ended);
    const event: FlowEndedEvent = { biz_id: flow.token.biz_id, token: flow.token.token, status: choice.status };
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A listener's bug must not break the flow for the customer or the other listeners.
      }
    }
    return ended;
  }

  /** Ends every running flow whose token has expired, as TIMEOUT. Idempotent; cheap when nothing is due. */
  expireDue(): void {
    const nowMs = this.deps.now();
    for (const flow of [...this.running]) {
      // The flow ended at expiry, however late the sweep noticed: retention runs from there.
      if (nowMs >= flow.token.expired_time * 1000) this.end(flow, timeoutChoice(), false, flow.token.expired_time * 1000);
    }
  }

  /** Whether get_result may still answer a finished result (retention and fetch limit). */
  isDestroyed(flow: EndedFlow): boolean {
    return flow.fetches >= RESULT_FETCH_LIMIT || this.deps.now() >= flow.endedAtMs + RESULT_RETENTION_MS;
  }

  /** Subscribes to the first opening of every flow's page; returns the unsubscribe function. */
  onFlowOpened(listener: (e: FlowOpenedEvent) => void): () => void {
    this.openListeners.add(listener);
    return () => {
      this.openListeners.delete(listener);
    };
  }

  /** Subscribes to the end of every flow; returns the unsubscribe function. */
  onFlowEnded(listener: (e: FlowEndedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

function timeoutChoice(): TesterChoice {
  return {
    status: 'TIMEOUT',
    liveness: 'FAIL',
    failReason: 'SUPPORT_ERROR',
    confidences: {},
    fakeFace: { synthetic_face: 0, mask: 0, screen_replay: 0 },
    shootingError: false,
    multipleFaces: false,
  };
}
