/**
 * `liveness_result.details`: per-procedure counters of what went wrong during the capture, as
 * clients written for this API read them (faceid-api.md §5.3; the keys are from the China
 * edition's GetResult doc and public client code that models them as integers).
 *
 * - `video` (read digits aloud) [China]: UPLOAD_TIMES (videos uploaded), and per reason the
 *   number of uploads refused: FACE_NOT_FOUND (no face), LOW_FACE_QUALITY (face too poor),
 *   INVALID_VIDEO_DURATION (too short or long), SR_ERROR (the digits read do not match),
 *   NOT_SYNCHRONIZED (lips out of sync with the voice), NO_AUDIO, VIDEO_FORMAT_UNSUPPORTED,
 *   VIDEO_FACE_INCONSISTENT (the face changed during the video).
 * - `selfie` (a front and a side photo) [China]: `face_front` and `face_side`, each with
 *   FACE_UPLOAD_TIMES and, per reason, the refused uploads: FACE_NOT_FOUND, FACE_BLURRED,
 *   FACE_MULTIPLE_FACES, FACE_POOR_LIGHT, FACE_NOT_FRONT (front) / FACE_NOT_SIDE (side),
 *   FACE_NOT_PROPER_POSITION, UNSUPPORTED_FORMAT.
 * - `flash`, `still`, `distance` and any other procedure: **inferred** — the vendor documents no
 *   keys. They record a silent video, so the sandbox reports the video counters that do not need
 *   speech: UPLOAD_TIMES, FACE_NOT_FOUND, LOW_FACE_QUALITY, INVALID_VIDEO_DURATION,
 *   VIDEO_FORMAT_UNSUPPORTED, VIDEO_FACE_INCONSISTENT.
 *
 * Defaults (inferred): a pass is one upload and no refusal; a liveness FAIL picked by the tester
 * is the maximum of three uploads (a guess at the page's retry limit), each refused for no face
 * (FACE_NOT_FOUND 3) — so a client that reads the counters sees why. The tester can set every
 * counter on the liveness page's custom outcome.
 */

/** Counters of one capture (or, selfie, of one of its two photos). */
export type DetailCounters = Record<string, number>;
/** `details` as reported: counters, or (selfie) one set of counters per photo. */
export type LivenessDetails = Record<string, number | DetailCounters>;

const VIDEO_KEYS = [
  'UPLOAD_TIMES',
  'FACE_NOT_FOUND',
  'LOW_FACE_QUALITY',
  'INVALID_VIDEO_DURATION',
  'SR_ERROR',
  'NOT_SYNCHRONIZED',
  'NO_AUDIO',
  'VIDEO_FORMAT_UNSUPPORTED',
  'VIDEO_FACE_INCONSISTENT',
] as const;
const SILENT_KEYS = [
  'UPLOAD_TIMES',
  'FACE_NOT_FOUND',
  'LOW_FACE_QUALITY',
  'INVALID_VIDEO_DURATION',
  'VIDEO_FORMAT_UNSUPPORTED',
  'VIDEO_FACE_INCONSISTENT',
] as const;
const selfieKeys = (pose: 'FRONT' | 'SIDE') =>
  [
    'FACE_UPLOAD_TIMES',
    'FACE_NOT_FOUND',
    'FACE_BLURRED',
    'FACE_MULTIPLE_FACES',
    'FACE_POOR_LIGHT',
    `FACE_NOT_${pose}`,
    'FACE_NOT_PROPER_POSITION',
    'UNSUPPORTED_FORMAT',
  ] as const;

/** One group of counters: `group` is undefined for top-level counters, else face_front / face_side. */
export interface CounterGroup {
  group?: 'face_front' | 'face_side';
  keys: readonly string[];
  /** The key counting uploads (1 for a pass). */
  uploads: string;
}

/** The counters a procedure reports (see the module comment for which are inferred). */
export function detailLayout(procedure: string): readonly CounterGroup[] {
  if (procedure === 'video') return [{ keys: VIDEO_KEYS, uploads: 'UPLOAD_TIMES' }];
  if (procedure === 'selfie') {
    return [
      { group: 'face_front', keys: selfieKeys('FRONT'), uploads: 'FACE_UPLOAD_TIMES' },
      { group: 'face_side', keys: selfieKeys('SIDE'), uploads: 'FACE_UPLOAD_TIMES' },
    ];
  }
  return [{ keys: SILENT_KEYS, uploads: 'UPLOAD_TIMES' }];
}

/** The uploads of a failed capture and the reason each was refused (inferred, module comment). */
export const FAILED_UPLOADS = 3;
const FAIL_REASON_KEY = 'FACE_NOT_FOUND';

function counters(group: CounterGroup, passed: boolean): DetailCounters {
  const out: DetailCounters = Object.fromEntries(group.keys.map((k) => [k, 0]));
  out[group.uploads] = passed ? 1 : FAILED_UPLOADS;
  if (!passed) out[FAIL_REASON_KEY] = FAILED_UPLOADS;
  return out;
}

/** Builds `details` from a layout and a counter per key (group-qualified names for selfie). */
export function assembleDetails(layout: readonly CounterGroup[], value: (group: CounterGroup, key: string) => number): LivenessDetails {
  const details: LivenessDetails = {};
  for (const g of layout) {
    const set: DetailCounters = Object.fromEntries(g.keys.map((k) => [k, value(g, k)]));
    if (g.group) details[g.group] = set;
    else Object.assign(details, set);
  }
  return details;
}

/** The default details for a procedure, given whether the tester's liveness verdict is PASS. */
export function defaultDetails(procedure: string, passed: boolean): LivenessDetails {
  return assembleDetails(detailLayout(procedure), (g, k) => counters(g, passed)[k] ?? 0);
}

/** The liveness page's form field for one counter: `details_<KEY>` or `details_<group>_<KEY>`. */
export const detailField = (group: CounterGroup, key: string): string => (group.group ? `details_${group.group}_${key}` : `details_${key}`);
