/**
 * The outcomes a tester can pick on the sandbox's liveness page: one-click presets, and the form
 * fields of a custom outcome, read back from the page's POST into a TesterChoice.
 */
import { END_STATUSES, FAIL_REASONS, type EndStatus, type FailReason } from '../../core/faceid/verification';
import { assembleDetails, defaultDetails, detailField, detailLayout } from './liveness-details';
import { FAKE_FACE_KINDS, comparedRefs, reportedProcedure, type FakeFaceKind, type RefName, type TesterChoice } from './verification-data';
import type { IssuedToken } from './tokens';

/** Field names of the page's custom-outcome form (also the names tests post). */
export const FIELD = {
  preset: 'preset',
  status: 'status',
  liveness: 'liveness_result',
  failReason: 'fail_reason',
  confidence: (ref: RefName) => `confidence_${ref}`,
  fakeFace: (kind: FakeFaceKind) => `${kind}_confidence`,
  shootingError: 'shooting_error',
  multipleFaces: 'multiple_faces',
} as const;

const GENUINE: Record<FakeFaceKind, number> = { synthetic_face: 0.02, mask: 0.01, screen_replay: 0.03 };
const MATCH_CONFIDENCE = 85.312;
const NO_MATCH_CONFIDENCE = 41.207;

const base = (status: EndStatus): TesterChoice => ({
  status,
  liveness: 'PASS',
  failReason: 'SUPPORT_ERROR',
  confidences: {},
  fakeFace: { ...GENUINE },
  shootingError: false,
  multipleFaces: false,
});

const withConfidence = (token: IssuedToken, choice: TesterChoice, confidence: number): TesterChoice => ({
  ...choice,
  confidences: Object.fromEntries(comparedRefs(token).map((r) => [r, confidence])),
});

export interface Preset {
  id: string;
  label: string;
  /** What the preset reports, in a few words for the page. */
  describe: string;
  /** Shown only when it means something for this token. */
  appliesTo: (token: IssuedToken) => boolean;
  choice: (token: IssuedToken) => TesterChoice;
}

const always = () => true;

export const PRESETS: readonly Preset[] = [
  { id: 'passed', label: 'Passed', describe: 'OK, liveness PASS, same person', appliesTo: always, choice: (t) => withConfidence(t, base('OK'), MATCH_CONFIDENCE) },
  {
    id: 'no-match',
    label: 'Different person',
    describe: `OK, liveness PASS, comparison confidence ${NO_MATCH_CONFIDENCE} (below every threshold)`,
    appliesTo: (t) => comparedRefs(t).length > 0,
    choice: (t) => withConfidence(t, base('OK'), NO_MATCH_CONFIDENCE),
  },
  { id: 'liveness-failed', label: 'Liveness failed', describe: 'OK, liveness FAIL', appliesTo: always, choice: (t) => withConfidence(t, { ...base('OK'), liveness: 'FAIL' }, MATCH_CONFIDENCE) },
  {
    id: 'screen-replay',
    label: 'Screen replay suspected',
    describe: 'OK, screen_replay_confidence 0.93 (FAIL with fmp_mode=0, a score only with fmp_mode=1)',
    appliesTo: always,
    choice: (t) => withConfidence(t, { ...base('OK'), fakeFace: { ...GENUINE, screen_replay: 0.93 } }, MATCH_CONFIDENCE),
  },
  { id: 'failed', label: 'Flow failed', describe: 'FAILED (and shooting_error true when asked)', appliesTo: always, choice: () => ({ ...base('FAILED'), shootingError: true }) },
  { id: 'cancelled', label: 'Cancelled', describe: 'CANCELLED: the customer quit', appliesTo: always, choice: () => base('CANCELLED') },
  { id: 'timeout', label: 'Timed out', describe: 'TIMEOUT', appliesTo: always, choice: () => base('TIMEOUT') },
  {
    id: 'webrtc-unsupported',
    label: 'Camera denied',
    describe: 'WEBRTC_UNSUPPORTED (fail_reason PERMISSIONS_ERROR when asked)',
    appliesTo: always,
    choice: () => ({ ...base('WEBRTC_UNSUPPORTED'), failReason: 'PERMISSIONS_ERROR' }),
  },
];

/** The defaults the custom form is pre-filled with: a clean pass. */
export const FORM_DEFAULTS = { confidence: MATCH_CONFIDENCE, fakeFace: GENUINE } as const;

export type ParsedChoice = { ok: true; choice: TesterChoice } | { ok: false; message: string };

const bad = (message: string): ParsedChoice => ({ ok: false, message });

function numberIn(fields: ReadonlyMap<string, string>, name: string, min: number, max: number, fallback: number): number | string {
  const raw = (fields.get(name) ?? '').trim();
  if (raw === '') return fallback;
  const n = Number(raw);
  return /^\d+(\.\d+)?$/.test(raw) && n >= min && n <= max ? n : `${name} must be a number from ${min} to ${max}, not "${raw}".`;
}

/** The most a counter may say on the page: far above any retry limit, small enough to read. */
export const MAX_COUNTER = 99;

/** The custom outcome's details counters; an empty field takes the default for the picked liveness. */
function parseDetails(fields: ReadonlyMap<string, string>, token: IssuedToken, passed: boolean): TesterChoice['details'] | string {
  const procedure = reportedProcedure(token);
  const fallback = defaultDetails(procedure, passed);
  let problem: string | undefined;
  const details = assembleDetails(detailLayout(procedure), (g, key) => {
    const defaults = g.group ? (fallback[g.group] as Record<string, number>) : (fallback as Record<string, number>);
    const name = detailField(g, key);
    const raw = (fields.get(name) ?? '').trim();
    if (raw === '') return defaults[key] ?? 0;
    if (!/^\d{1,2}$/.test(raw)) problem ??= `${name} must be a whole number from 0 to ${MAX_COUNTER}, not "${raw}".`;
    return Number(raw);
  });
  return problem ?? details;
}

const isTicked = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

/** Reads the page's POST: a preset button, or the custom outcome fields (absent ones take the form's defaults). */
export function parseChoice(fields: ReadonlyMap<string, string>, token: IssuedToken): ParsedChoice {
  const presetId = fields.get(FIELD.preset) ?? '';
  if (presetId !== '') {
    const preset = PRESETS.find((p) => p.id === presetId && p.appliesTo(token));
    return preset ? { ok: true, choice: preset.choice(token) } : bad(`There is no preset "${presetId}" for this token.`);
  }
  const status = fields.get(FIELD.status) ?? '';
  if (!(END_STATUSES as readonly string[]).includes(status)) return bad(`status must be one of ${END_STATUSES.join(', ')}, not "${status}".`);
  const liveness = fields.get(FIELD.liveness) ?? 'PASS';
  if (liveness !== 'PASS' && liveness !== 'FAIL') return bad(`liveness_result must be PASS or FAIL, not "${liveness}".`);
  const failReason = fields.get(FIELD.failReason) ?? 'SUPPORT_ERROR';
  if (!(FAIL_REASONS as readonly string[]).includes(failReason)) return bad(`fail_reason must be one of ${FAIL_REASONS.join(', ')}, not "${failReason}".`);
  const choice: TesterChoice = {
    ...base(status as EndStatus),
    liveness,
    failReason: failReason as FailReason,
    shootingError: isTicked(fields.get(FIELD.shootingError)),
    multipleFaces: isTicked(fields.get(FIELD.multipleFaces)),
  };
  for (const ref of comparedRefs(token)) {
    const n = numberIn(fields, FIELD.confidence(ref), 0, 100, MATCH_CONFIDENCE);
    if (typeof n === 'string') return bad(n);
    choice.confidences[ref] = n;
  }
  for (const kind of FAKE_FACE_KINDS) {
    const n = numberIn(fields, FIELD.fakeFace(kind), 0, 1, GENUINE[kind]);
    if (typeof n === 'string') return bad(n);
    choice.fakeFace[kind] = n;
  }
  const details = parseDetails(fields, token, choice.liveness === 'PASS');
  if (typeof details === 'string') return bad(details);
  choice.details = details;
  return { ok: true, choice };
}
