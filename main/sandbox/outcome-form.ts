/**
 * The outcomes a tester can pick on the sandbox's liveness page: one-click presets, and the form
 * fields of a custom outcome, read back from the page's POST into a TesterChoice.
 */
import { END_STATUSES, FAIL_REASONS, type EndStatus, type FailReason } from '../../core/faceid/verification';
import { isMessageRef as isRef, msg, type MessageRef } from '../../core/i18n/render';
import { assembleDetails, defaultDetails, detailField, detailLayout } from './liveness-details';
import { FAKE_FACE_KINDS, comparedRefs, reportedProcedure, type FakeFaceKind, type RefName, type TesterChoice } from './verification-data';
import { SANDBOX_PAGE_NS } from './page-messages';
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
const SCREEN_REPLAY_CONFIDENCE = 0.93;

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

/**
 * A one-click outcome. Its button label and its few words on what it reports are the
 * `sandbox-page` messages `preset.<id>.label` and `preset.<id>.describe` (with `describeParams`).
 */
export interface Preset {
  id: string;
  /** Values quoted in the description, as the service would report them. */
  describeParams?: Record<string, string>;
  /** Shown only when it means something for this token. */
  appliesTo: (token: IssuedToken) => boolean;
  choice: (token: IssuedToken) => TesterChoice;
}

const always = () => true;

export const PRESETS: readonly Preset[] = [
  { id: 'passed', appliesTo: always, choice: (t) => withConfidence(t, base('OK'), MATCH_CONFIDENCE) },
  {
    id: 'no-match',
    describeParams: { confidence: String(NO_MATCH_CONFIDENCE) },
    appliesTo: (t) => comparedRefs(t).length > 0,
    choice: (t) => withConfidence(t, base('OK'), NO_MATCH_CONFIDENCE),
  },
  { id: 'liveness-failed', appliesTo: always, choice: (t) => withConfidence(t, { ...base('OK'), liveness: 'FAIL' }, MATCH_CONFIDENCE) },
  {
    id: 'screen-replay',
    describeParams: { confidence: String(SCREEN_REPLAY_CONFIDENCE) },
    appliesTo: always,
    choice: (t) =>
      withConfidence(t, { ...base('OK'), fakeFace: { ...GENUINE, screen_replay: SCREEN_REPLAY_CONFIDENCE } }, MATCH_CONFIDENCE),
  },
  { id: 'failed', appliesTo: always, choice: () => ({ ...base('FAILED'), shootingError: true }) },
  { id: 'cancelled', appliesTo: always, choice: () => base('CANCELLED') },
  { id: 'timeout', appliesTo: always, choice: () => base('TIMEOUT') },
  {
    id: 'webrtc-unsupported',
    appliesTo: always,
    choice: () => ({ ...base('WEBRTC_UNSUPPORTED'), failReason: 'PERMISSIONS_ERROR' }),
  },
];

/** The defaults the custom form is pre-filled with: a clean pass. */
export const FORM_DEFAULTS = { confidence: MATCH_CONFIDENCE, fakeFace: GENUINE } as const;

/** A failed read names the problem as a `sandbox-page` message (`bad.*`), shown in the token's language. */
export type ParsedChoice = { ok: true; choice: TesterChoice } | { ok: false; problem: MessageRef };

/** A reason the page's POST could not be read. */
export const problem = (key: string, params?: Record<string, string | number>): MessageRef => msg(SANDBOX_PAGE_NS, `bad.${key}`, params);

const bad = (p: MessageRef): ParsedChoice => ({ ok: false, problem: p });
const oneOf = (name: string, list: readonly string[], value: string) => problem('oneOf', { name, list: list.join(', '), value });

function numberIn(fields: ReadonlyMap<string, string>, name: string, min: number, max: number, fallback: number): number | MessageRef {
  const raw = (fields.get(name) ?? '').trim();
  if (raw === '') return fallback;
  const n = Number(raw);
  return /^\d+(\.\d+)?$/.test(raw) && n >= min && n <= max
    ? n
    : problem('number', { name, min: String(min), max: String(max), value: raw });
}

/** The most a counter may say on the page: far above any retry limit, small enough to read. */
export const MAX_COUNTER = 99;

/** The custom outcome's details counters; an empty field takes the default for the picked liveness. */
function parseDetails(fields: ReadonlyMap<string, string>, token: IssuedToken, passed: boolean): TesterChoice['details'] | MessageRef {
  const procedure = reportedProcedure(token);
  const fallback = defaultDetails(procedure, passed);
  let refused: MessageRef | undefined;
  const details = assembleDetails(detailLayout(procedure), (g, key) => {
    const defaults = g.group ? (fallback[g.group] as Record<string, number>) : (fallback as Record<string, number>);
    const name = detailField(g, key);
    const raw = (fields.get(name) ?? '').trim();
    if (raw === '') return defaults[key] ?? 0;
    if (!/^\d{1,2}$/.test(raw)) refused ??= problem('wholeNumber', { name, min: '0', max: String(MAX_COUNTER), value: raw });
    return Number(raw);
  });
  return refused ?? details;
}

const isTicked = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

/** Reads the page's POST: a preset button, or the custom outcome fields (absent ones take the form's defaults). */
export function parseChoice(fields: ReadonlyMap<string, string>, token: IssuedToken): ParsedChoice {
  const presetId = fields.get(FIELD.preset) ?? '';
  if (presetId !== '') {
    const preset = PRESETS.find((p) => p.id === presetId && p.appliesTo(token));
    return preset ? { ok: true, choice: preset.choice(token) } : bad(problem('preset', { preset: presetId }));
  }
  const status = fields.get(FIELD.status) ?? '';
  if (!(END_STATUSES as readonly string[]).includes(status)) return bad(oneOf(FIELD.status, END_STATUSES, status));
  const liveness = fields.get(FIELD.liveness) ?? 'PASS';
  if (liveness !== 'PASS' && liveness !== 'FAIL') return bad(oneOf(FIELD.liveness, ['PASS', 'FAIL'], liveness));
  const failReason = fields.get(FIELD.failReason) ?? 'SUPPORT_ERROR';
  if (!(FAIL_REASONS as readonly string[]).includes(failReason)) return bad(oneOf(FIELD.failReason, FAIL_REASONS, failReason));
  const choice: TesterChoice = {
    ...base(status as EndStatus),
    liveness,
    failReason: failReason as FailReason,
    shootingError: isTicked(fields.get(FIELD.shootingError)),
    multipleFaces: isTicked(fields.get(FIELD.multipleFaces)),
  };
  for (const ref of comparedRefs(token)) {
    const n = numberIn(fields, FIELD.confidence(ref), 0, 100, MATCH_CONFIDENCE);
    if (typeof n !== 'number') return bad(n);
    choice.confidences[ref] = n;
  }
  for (const kind of FAKE_FACE_KINDS) {
    const n = numberIn(fields, FIELD.fakeFace(kind), 0, 1, GENUINE[kind]);
    if (typeof n !== 'number') return bad(n);
    choice.fakeFace[kind] = n;
  }
  const details = parseDetails(fields, token, choice.liveness === 'PASS');
  if (isRef(details)) return bad(details);
  choice.details = details;
  return { ok: true, choice };
}
