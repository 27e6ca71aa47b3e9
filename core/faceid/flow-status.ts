/**
 * The one verification model: a get_token call plus its flow, as the desk, the history, the
 * record and the CLI read it — nobody recomputes "is this verified?" elsewhere.
 *
 *   issued → opened (customer opened the page) → in-progress → passed / not-passed / cancelled /
 *   timed-out, or expired-unused (nobody opened the page before the token expired).
 *
 * Observations feed it: the embedded sandbox's events (page opened, flow ended) or, for real
 * profiles, budgeted get_result polls (NOT_STARTED, PROCESSING, an end status).
 *
 * Choices where faceid-api.md is open:
 * - A token nobody was seen opening is never "used": past its expiry it is expired-unused, and a
 *   TIMEOUT result for it (the vendor and the sandbox end unopened flows as TIMEOUT) reads as
 *   expired-unused too. A poll every few seconds sees PROCESSING in any real attempt.
 * - An opened flow past its expiry with no result yet reads as timed-out, provisionally: a
 *   result fetched afterwards replaces it (a customer may have finished just before expiry).
 * - An end state is otherwise final: later observations (a reload of the page, a late event)
 *   change nothing.
 * - FAILED and WEBRTC_UNSUPPORTED are "not passed", with the reason as a chip; shooting_error is
 *   shown as a detail, not a reason (the vendor names it a diagnostic).
 */
import { THRESHOLD_KEYS, type Comparison, type FlowStatus, type ThresholdKey, type VerificationData } from './verification';

export const FLOW_STAGES = ['issued', 'opened', 'in-progress', 'passed', 'not-passed', 'cancelled', 'timed-out', 'expired-unused'] as const;
export type FlowStage = (typeof FLOW_STAGES)[number];

export const END_STAGES = ['passed', 'not-passed', 'cancelled', 'timed-out', 'expired-unused'] as const satisfies readonly FlowStage[];
export type EndStage = (typeof END_STAGES)[number];

/** Why a verification did not pass: short codes the renderer turns into chips. */
export const VERDICT_REASONS = [
  'liveness-failed',
  'no-match',
  'fake-face',
  'multiple-faces',
  'comparison-error',
  'flow-failed',
  'browser-unsupported',
  'camera-denied',
  'network-error',
] as const;
export type VerdictReason = (typeof VERDICT_REASONS)[number];

/** What the model knows of one call's flow. */
export interface FlowState {
  stage: FlowStage;
  /** Token expiry, Unix seconds (get_token's expired_time). */
  expiredTime: number;
  openedAt?: number;
  progressAt?: number;
  endedAt?: number;
  /** The vendor's status last observed. */
  status?: FlowStatus;
  reasons: VerdictReason[];
  /** The comparison level the verdict was read at, when a comparison was made. */
  level?: ThresholdKey;
  /** timed-out from the clock alone: a result may still replace it. */
  provisional?: boolean;
}

/** An observation of a flow, at `at` ms. */
export type FlowEvent =
  | { kind: 'opened'; at: number }
  | { kind: 'status'; at: number; status: FlowStatus; data?: VerificationData; level?: ThresholdKey }
  | { kind: 'tick'; at: number };

/** A newly issued token's state. */
export function issuedFlow(expiredTime: number): FlowState {
  return { stage: 'issued', expiredTime, reasons: [] };
}

/** Whether a stage ends the flow. */
export const isEndStage = (stage: FlowStage): stage is EndStage => (END_STAGES as readonly FlowStage[]).includes(stage);

/** Whether the customer was ever seen on the page. */
const wasOpened = (s: FlowState) => s.openedAt !== undefined || s.progressAt !== undefined;

/** A comparison counts as a match when its confidence reaches the chosen level's threshold sent with it. */
export function isMatch(c: Comparison, level: ThresholdKey): boolean {
  return c.confidence >= c.thresholds[level];
}

/** Reads an end status and its data into the verdict and its reasons, at the given match level. */
export function readVerdict(d: VerificationData, level: ThresholdKey): { stage: EndStage; reasons: VerdictReason[]; level?: ThresholdKey } {
  if (d.status === 'CANCELLED') return { stage: 'cancelled', reasons: [] };
  if (d.status === 'TIMEOUT') return { stage: 'timed-out', reasons: [] };
  if (d.status === 'FAILED') return { stage: 'not-passed', reasons: ['flow-failed'] };
  if (d.status === 'WEBRTC_UNSUPPORTED') {
    const why: VerdictReason =
      d.fail_reason === 'PERMISSIONS_ERROR' ? 'camera-denied' : d.fail_reason === 'NETWORK_ERROR' ? 'network-error' : 'browser-unsupported';
    return { stage: 'not-passed', reasons: [why] };
  }
  const reasons: VerdictReason[] = [];
  if (d.liveness_result?.result !== 'PASS') reasons.push('liveness-failed');
  const comparisons = [d.verify_result?.result_ref1, d.verify_result?.result_ref2].filter((c): c is Comparison => c !== undefined);
  if (comparisons.some((c) => !isMatch(c, level))) reasons.push('no-match');
  if (d.verify_result?.error_message) reasons.push('comparison-error');
  const g = d.liveness_result?.face_genuineness;
  if (
    g &&
    (['synthetic_face', 'mask', 'screen_replay'] as const).some((k) => (g[`${k}_confidence`] ?? 0) > (g[`${k}_threshold`] ?? Infinity))
  )
    reasons.push('fake-face');
  if (d.multiple_faces === true) reasons.push('multiple-faces');
  return { stage: reasons.length === 0 ? 'passed' : 'not-passed', reasons, level: comparisons.length > 0 ? level : undefined };
}

/** One step of the model: the state after an observation. Pure; never moves an end state back. */
export function advanceFlow(s: FlowState, e: FlowEvent, defaultLevel: ThresholdKey = '1e-4'): FlowState {
  const expired = e.at >= s.expiredTime * 1000;
  const open = !isEndStage(s.stage) || s.provisional === true;
  if (!open) return s;
  switch (e.kind) {
    case 'opened':
      if (s.provisional) return s;
      if (expired) return advanceFlow(s, { kind: 'tick', at: e.at });
      return s.stage === 'issued' ? { ...s, stage: 'opened', openedAt: e.at } : s;
    case 'tick':
      if (!expired || s.provisional) return s;
      return wasOpened(s)
        ? { ...s, stage: 'timed-out', endedAt: s.expiredTime * 1000, provisional: true }
        : { ...s, stage: 'expired-unused', endedAt: s.expiredTime * 1000 };
    case 'status':
      if (e.status === 'NOT_STARTED') return s.provisional ? s : advanceFlow({ ...s, status: e.status }, { kind: 'tick', at: e.at });
      if (e.status === 'PROCESSING') {
        if (s.provisional) return s;
        if (expired) return advanceFlow({ ...s, status: e.status, progressAt: s.progressAt ?? e.at }, { kind: 'tick', at: e.at });
        return { ...s, stage: 'in-progress', status: e.status, progressAt: s.progressAt ?? e.at };
      }
      {
        const v = readVerdict(e.data ?? { status: e.status }, e.level ?? defaultLevel);
        const { provisional: _dropped, ...rest } = s;
        void _dropped;
        // A timeout nobody was seen opening is an unused token, not a used one.
        const stage: EndStage = v.stage === 'timed-out' && !wasOpened(s) ? 'expired-unused' : v.stage;
        return { ...rest, stage, status: e.status, endedAt: s.provisional ? s.endedAt : e.at, reasons: v.reasons, level: v.level };
      }
  }
}

/** Folds observations in order, then reads the clock: the state at `nowMs`. */
export function flowStateAt(expiredTime: number, events: readonly FlowEvent[], nowMs: number, level: ThresholdKey = '1e-4'): FlowState {
  const s = events.reduce((acc, e) => advanceFlow(acc, e, level), issuedFlow(expiredTime));
  return advanceFlow(s, { kind: 'tick', at: nowMs }, level);
}

/** Whether the token's QR code and countdown still mean anything: only before the page was used. */
export const tokenStillUsable = (s: FlowState, nowMs: number): boolean => s.stage === 'issued' && nowMs < s.expiredTime * 1000;

/** The profile setting "match at": one of the vendor's four levels, 1e-3 (lenient) to 1e-6 (strict). */
export const MATCH_LEVELS: readonly ThresholdKey[] = THRESHOLD_KEYS;
