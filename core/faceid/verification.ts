/**
 * The verification result as the service reports it (callbacks' `data` and get_result, faceid-api.md
 * §4.3 and §5), and its reading in plain words for the operator.
 */
import { msg, type MessageRef, type MessageValue } from '../i18n/render';
import { DO_PATH, serviceUrl } from './endpoints';

export const END_STATUSES = ['OK', 'FAILED', 'CANCELLED', 'TIMEOUT', 'WEBRTC_UNSUPPORTED'] as const;
export type EndStatus = (typeof END_STATUSES)[number];
export type FlowStatus = 'NOT_STARTED' | 'PROCESSING' | EndStatus;
export const FAIL_REASONS = ['NETWORK_ERROR', 'PERMISSIONS_ERROR', 'SUPPORT_ERROR'] as const;
export type FailReason = (typeof FAIL_REASONS)[number];

export const THRESHOLD_KEYS = ['1e-3', '1e-4', '1e-5', '1e-6'] as const;
export type ThresholdKey = (typeof THRESHOLD_KEYS)[number];

export interface Comparison {
  confidence: number;
  thresholds: Record<ThresholdKey, number>;
}

export interface FaceGenuineness {
  synthetic_face_confidence?: number;
  synthetic_face_threshold?: number;
  mask_confidence?: number;
  mask_threshold?: number;
  screen_replay_confidence?: number;
  screen_replay_threshold?: number;
}

/** The `data` of a callback, or the body of get_result (plus `images` there). */
export interface VerificationData {
  status: FlowStatus;
  fail_reason?: FailReason;
  biz_info?: { biz_id?: string; biz_no?: string; biz_extra_data?: string };
  request_id?: string;
  time_used?: number;
  liveness_result?: {
    result?: 'PASS' | 'FAIL' | string;
    procedure_type?: string;
    details?: Record<string, unknown>;
    face_genuineness?: FaceGenuineness;
  };
  verify_result?: { error_message?: string | null; result_ref1?: Comparison; result_ref2?: Comparison } | null;
  shooting_error?: boolean;
  /** Name unknown in the docs; the sandbox uses this one (see README). */
  multiple_faces?: boolean;
  images?: { image_best?: string } | null;
  verify_time?: number;
}

/** A counter of `liveness_result.details`: how often a check ran or failed during the flow. */
export interface DetailCounter {
  key: string;
  value: number;
}

/** A group of counters, e.g. selfie's `face_front` / `face_side`. */
export interface DetailGroup {
  key: string;
  counters: DetailCounter[];
  /** Entries of the group that are not numbers, kept as received. */
  other: { key: string; value: unknown }[];
}

/** `liveness_result.details` read tolerantly: counters as numbers, groups, everything else kept. */
export interface LivenessDetails {
  counters: DetailCounter[];
  groups: DetailGroup[];
  other: { key: string; value: unknown }[];
}

/** A number, or a string that is one ("2"): the docs give counters, clients send either. */
function asCount(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads `liveness_result.details` (faceid-api.md §5.3): video's counters (UPLOAD_TIMES,
 * FACE_NOT_FOUND, …), selfie's `face_front`/`face_side` groups, and any key the docs do not name,
 * kept in document order. Anything that is not an object reads as empty.
 */
export function readLivenessDetails(details: unknown): LivenessDetails {
  const out: LivenessDetails = { counters: [], groups: [], other: [] };
  if (!isObject(details)) return out;
  for (const [key, value] of Object.entries(details)) {
    const n = asCount(value);
    if (n !== undefined) out.counters.push({ key, value: n });
    else if (isObject(value)) {
      const group: DetailGroup = { key, counters: [], other: [] };
      for (const [k, v] of Object.entries(value)) {
        const c = asCount(v);
        if (c !== undefined) group.counters.push({ key: k, value: c });
        else group.other.push({ key: k, value: v });
      }
      out.groups.push(group);
    } else out.other.push({ key, value });
  }
  return out;
}

/** Whether the details hold anything to show. */
export const hasLivenessDetails = (d: LivenessDetails): boolean => d.counters.length + d.groups.length + d.other.length > 0;

/** The customer's liveness page for a token, on the profile's region. */
export function livenessUrl(baseUrl: string, token: string): string {
  return `${serviceUrl(baseUrl, DO_PATH)}?token=${encodeURIComponent(token)}`;
}

/**
 * The level at which the console calls a comparison a match: 1e-4 (1-in-10,000), what most
 * clients use. The reading always names the strictest level met, so the operator can apply a
 * stricter policy (the vendor advises 1e-5 for high-value operations).
 */
export const MATCH_LEVEL: ThresholdKey = '1e-4';

/**
 * Reads one comparison against the thresholds returned with it (never against cached ones); the
 * words name the photo compared (`ref`) and the strictest false-accept level met.
 */
export function readComparison(c: Comparison, ref = 'image_ref1'): { strictest: ThresholdKey | null; words: MessageRef } {
  let strictest: ThresholdKey | null = null;
  for (const key of THRESHOLD_KEYS) if (c.confidence >= c.thresholds[key]) strictest = key;
  const confidence = c.confidence.toFixed(2);
  if (!strictest)
    return { strictest, words: msg('verification', 'comparison.noMatch', { ref, confidence, threshold: c.thresholds['1e-3'] }) };
  return { strictest, words: msg('verification', `comparison.${strictest}`, { ref, confidence, threshold: c.thresholds[strictest] }) };
}

export interface ResultReading {
  headline: MessageRef;
  verdict: 'pass' | 'fail' | 'incomplete' | 'pending';
  lines: MessageRef[];
}

const KNOWN_STATUS = new Set<string>(['NOT_STARTED', 'PROCESSING', ...END_STATUSES]);
const KNOWN_REASON = new Set<string>(FAIL_REASONS);
const v = (key: string, params?: Record<string, MessageValue>) => msg('verification', key, params);

/** The whole result in plain words (references into namespace `verification`), for the result view. */
export function readVerification(d: VerificationData): ResultReading {
  const lines = [KNOWN_STATUS.has(d.status) ? v(`status.${d.status}`) : v('status.other', { status: String(d.status) })];
  if (d.status === 'WEBRTC_UNSUPPORTED' && d.fail_reason)
    lines.push(
      KNOWN_REASON.has(d.fail_reason) ? v(`failReason.${d.fail_reason}`) : v('failReason.other', { reason: String(d.fail_reason) }),
    );
  const live = d.liveness_result?.result;
  if (live) {
    const procedure = d.liveness_result?.procedure_type;
    const word = live === 'PASS' ? 'passed' : 'failed';
    lines.push(procedure ? v(`liveness.${word}With`, { procedure }) : v(`liveness.${word}`));
  }
  const g = d.liveness_result?.face_genuineness;
  if (g) {
    const suspects = (['synthetic_face', 'mask', 'screen_replay'] as const).filter(
      (k) => (g[`${k}_confidence`] ?? 0) > (g[`${k}_threshold`] ?? Infinity),
    );
    if (suspects.length === 0) lines.push(v('attack.none'));
    for (const s of suspects) lines.push(v(`attack.${s}`));
  }
  const comparisons: [string, Comparison | undefined][] = [
    ['image_ref1', d.verify_result?.result_ref1],
    ['image_ref2', d.verify_result?.result_ref2],
  ];
  let matched = true;
  for (const [ref, c] of comparisons) {
    if (!c) continue;
    matched = matched && c.confidence >= c.thresholds[MATCH_LEVEL];
    lines.push(readComparison(c, ref).words);
  }
  if (d.verify_result?.error_message) lines.push(v('comparison.error', { message: d.verify_result.error_message }));
  if (d.shooting_error !== undefined) lines.push(v(d.shooting_error ? 'shootingError.yes' : 'shootingError.no'));
  if (d.multiple_faces !== undefined) lines.push(v(d.multiple_faces ? 'multipleFaces.yes' : 'multipleFaces.no'));
  if (d.status === 'NOT_STARTED' || d.status === 'PROCESSING') return { headline: v('headline.pending'), verdict: 'pending', lines };
  if (d.status !== 'OK') return { headline: v('headline.incomplete', { status: String(d.status) }), verdict: 'incomplete', lines };
  const pass = live === 'PASS' && matched;
  return { headline: v(pass ? 'headline.pass' : 'headline.fail'), verdict: pass ? 'pass' : 'fail', lines };
}
