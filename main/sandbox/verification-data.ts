/**
 * The `data` the sandbox reports at the end of a flow (callbacks and get_result), built from the
 * outcome the tester picked on the liveness page and from what the token asked for. The shape is
 * core/faceid/verification.ts's VerificationData, as faceid-api.md §4.3 and §5.2–5.4 describe it.
 *
 * Choices where the docs are open:
 * - `liveness_result` and `verify_result` exist only for status OK (absent when the flow broke
 *   off, §4.3). `verify_result` is null with comparison_type=-1 and when liveness FAILed (the older
 *   PC-flow doc: "null for -1 or failed liveness").
 * - With fmp_mode=0 a fake-face confidence above its threshold turns PASS into FAIL (§5.3);
 *   with fmp_mode=1 (the default) the scores are informative only.
 * - `liveness_result.procedure_type` is the requested one, or `flash` when none was requested.
 * - `details` holds per-procedure counters (liveness-details.ts; the keys for flash/still/distance
 *   are inferred): the tester's own, or the defaults for the liveness verdict the tester picked.
 * - `shooting_error` (get_shooting_error=1) and `multiple_faces` (return_multifaces_tag=1; the
 *   field's real name is unknown) are included whenever the token asked for them, whatever the status.
 * - Thresholds are the vendor's doc example (1e-3 64, 1e-4 69, 1e-5 74, 1e-6 79.9); the
 *   fake-face thresholds are the documented example 0.5.
 */
import type { Comparison, EndStatus, FailReason, FaceGenuineness, ThresholdKey, VerificationData } from '../../core/faceid/verification';
import { defaultDetails, type LivenessDetails } from './liveness-details';
import type { IssuedToken } from './tokens';

export const REFS = ['image_ref1', 'image_ref2'] as const;
export type RefName = (typeof REFS)[number];

export const FAKE_FACE_KINDS = ['synthetic_face', 'mask', 'screen_replay'] as const;
export type FakeFaceKind = (typeof FAKE_FACE_KINDS)[number];

export const COMPARISON_THRESHOLDS: Readonly<Record<ThresholdKey, number>> = { '1e-3': 64, '1e-4': 69, '1e-5': 74, '1e-6': 79.9 };
export const FAKE_FACE_THRESHOLD = 0.5;
/** The procedure the sandbox reports when the token did not name one (the only one confirmed overseas). */
export const DEFAULT_PROCEDURE = 'flash';

/** What the tester decided the customer's session looked like. */
export interface TesterChoice {
  status: EndStatus;
  /** The liveness verdict the tester picked (fmp_mode=0 may still turn PASS into FAIL). */
  liveness: 'PASS' | 'FAIL';
  failReason: FailReason;
  /** Comparison confidence 0–100, per reference photo that was uploaded. */
  confidences: Partial<Record<RefName, number>>;
  /** Fake-face confidences 0–1. */
  fakeFace: Record<FakeFaceKind, number>;
  shootingError: boolean;
  multipleFaces: boolean;
  /** `liveness_result.details`; absent: the defaults for the procedure and the picked liveness. */
  details?: LivenessDetails;
}

/** The procedure the flow reports running: the requested one, or the default when none was. */
export const reportedProcedure = (token: IssuedToken): string => token.params.procedure_type || DEFAULT_PROCEDURE;

/** The reference photos a comparison is reported for: uploaded, with comparison_type=0. */
export function comparedRefs(token: IssuedToken): RefName[] {
  if (token.params.comparison_type !== '0') return [];
  return REFS.filter((r) => token.photos[r] !== undefined);
}

/** The liveness verdict as the service would report it, given the token's fmp_mode. */
export function livenessVerdict(token: IssuedToken, choice: TesterChoice): 'PASS' | 'FAIL' {
  const foldsFakeFace = token.params.fmp_mode === '0';
  const suspected = FAKE_FACE_KINDS.some((k) => choice.fakeFace[k] > FAKE_FACE_THRESHOLD);
  return foldsFakeFace && suspected ? 'FAIL' : choice.liveness;
}

function genuineness(choice: TesterChoice): FaceGenuineness {
  return {
    synthetic_face_confidence: choice.fakeFace.synthetic_face,
    synthetic_face_threshold: FAKE_FACE_THRESHOLD,
    mask_confidence: choice.fakeFace.mask,
    mask_threshold: FAKE_FACE_THRESHOLD,
    screen_replay_confidence: choice.fakeFace.screen_replay,
    screen_replay_threshold: FAKE_FACE_THRESHOLD,
  };
}

function verifyResult(token: IssuedToken, choice: TesterChoice, verdict: 'PASS' | 'FAIL'): VerificationData['verify_result'] {
  const refs = comparedRefs(token);
  if (refs.length === 0 || verdict === 'FAIL') return null;
  const result: NonNullable<VerificationData['verify_result']> = { error_message: null };
  for (const ref of refs) {
    const comparison: Comparison = { confidence: choice.confidences[ref] ?? 0, thresholds: { ...COMPARISON_THRESHOLDS } };
    if (ref === 'image_ref1') result.result_ref1 = comparison;
    else result.result_ref2 = comparison;
  }
  return result;
}

/** The end-of-flow `data` for a token and the tester's choice. */
export function buildVerificationData(
  token: IssuedToken,
  choice: TesterChoice,
  ids: { requestId: string; timeUsedMs: number },
): VerificationData {
  const p = token.params;
  const data: VerificationData = { request_id: ids.requestId, status: choice.status };
  if (choice.status === 'WEBRTC_UNSUPPORTED' && p.get_fail_reason === '1') data.fail_reason = choice.failReason;
  data.biz_info = { biz_id: token.biz_id, biz_no: token.biz_no, biz_extra_data: p.biz_extra_data ?? '' };
  if (choice.status === 'OK') {
    const verdict = livenessVerdict(token, choice);
    const procedure = reportedProcedure(token);
    const details = choice.details ?? defaultDetails(procedure, choice.liveness === 'PASS');
    data.liveness_result = { result: verdict, procedure_type: procedure, details, face_genuineness: genuineness(choice) };
    data.verify_result = verifyResult(token, choice, verdict);
  }
  if (p.get_shooting_error === '1') data.shooting_error = choice.shootingError;
  if (p.return_multifaces_tag === '1') data.multiple_faces = choice.multipleFaces;
  data.time_used = ids.timeUsedMs;
  return data;
}
