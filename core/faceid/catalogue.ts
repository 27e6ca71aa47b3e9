/**
 * The get_token parameter catalogue: every parameter of faceid-api.md §2.1/§2.2 described once.
 * The form renders from it, validation derives from it, the sandbox enforces it, the README and
 * the CLI read it. Each fact carries how sure we are of it (faceid-api.md's provenance tags).
 *
 * Facts from the seed (faceid-api.md §2): `comparison_type` is required (必选); `uuid` is required
 * with both comparison types (必选 under 0 and -1); with `comparison_type=0` at least one of
 * `image_ref1`/`image_ref2` is required (`image_ref[x]`, 1 ≤ x ≤ 2).
 *
 * Choices made where the vendor leaves a question open (faceid-api.md §9). An experimenter may
 * send anything the vendor has not ruled out: such values get a warning, never a block.
 * - Value lists that may be incomplete (`language`, `procedure_type`, `procedure_priority`, the
 *   third-party lists of `get_shooting_error` and `fmp_mode`, every list we only inferred) are
 *   *open*. Lists the seed states fully (`comparison_type`, `multi_oriented_detection`,
 *   `get_fail_reason`) are *closed*: other values are errors.
 * - The vendor says which notify_url ports it calls back on, and which range
 *   `maximum_shooting_time` has, but not that get_token refuses other values: warnings.
 * - `return_url` may use another scheme than http(s) (an app's deep link), with a warning.
 * - Where the service default is unknown, the console sends nothing unless the operator picks a
 *   value, so the service's own default applies.
 * - `maximum_shooting_time` uses the seed's overseas range 2–60 (China docs say 10–60).
 */

/** How sure we are of a fact, from faceid-api.md's tags. */
export type Confidence = 'official' | 'china' | 'third-party' | 'inferred';

export const CONFIDENCE_LABEL: Record<Confidence, string> = {
  official: 'documented for the overseas edition',
  china: 'documented for the China edition only',
  'third-party': 'seen only in third-party code',
  inferred: 'our inference',
};

export type ParamGroup = 'credential' | 'basic' | 'advanced';
export type ParamKind = 'secret' | 'text' | 'url' | 'enum' | 'integer' | 'file';
/**
 * When a parameter must be present. 'one-photo-with-comparison': with `comparison_type=0` at least
 * one parameter of this kind (image_ref1, image_ref2) must be sent; a checker that names the
 * missing one names the first of the kind in catalogue order (image_ref1).
 */
export type Requirement = 'always' | 'with-comparison' | 'one-photo-with-comparison' | 'optional';

export interface AllowedValue {
  value: string;
  label: string;
  confidence: Confidence;
}

export interface ParamSpec {
  name: string;
  group: ParamGroup;
  kind: ParamKind;
  /** One line for the form and the docs. */
  summary: string;
  required: Requirement;
  /** Confidence in the parameter's existence and meaning overall. */
  confidence: Confidence;
  /** faceid-api.md source tags. */
  sources: readonly string[];
  values?: readonly AllowedValue[];
  /** The value list may be incomplete: other values are sent with a warning instead of refused. */
  openValues?: boolean;
  /** The service's default when the parameter is not sent; absent when unknown. */
  serviceDefault?: string;
  defaultConfidence?: Confidence;
  /** Limit in bytes of UTF-8 (text) or of the file (file). */
  maxBytes?: number;
  /**
   * The documented range. With `openRange`, values outside it are warned about, not refused: the
   * vendor states the range but not that get_token refuses other values.
   */
  range?: { min: number; max: number };
  openRange?: boolean;
  /**
   * notify_url: the ports the service calls back on. The vendor does not say get_token refuses
   * other ports, so another port is a warning (the callback will most likely never arrive).
   */
  ports?: readonly number[];
  /** url: schemes other than http(s) (an app's deep link) are sent with a warning. */
  openSchemes?: boolean;
  /** Longer guidance shown on demand. */
  notes?: string;
}

/** Ports the service will deliver notify_url callbacks to (faceid-api.md §1). */
export const NOTIFY_PORTS = [443, 5000, 16003, 8883, 8028] as const;

/** Reference-photo limits; both inferred from the sister Raw-Verify API (faceid-api.md §2.5). */
export const IMAGE_LIMITS = {
  maxBytes: 2 * 1024 * 1024,
  maxSide: 4096,
  confidence: 'inferred' as Confidence,
};

const zeroOne = (off: string, on: string, c: Confidence): AllowedValue[] => [
  { value: '0', label: off, confidence: c },
  { value: '1', label: on, confidence: c },
];

export const PARAMS = [
  {
    name: 'api_key',
    group: 'credential',
    kind: 'text',
    summary: 'Your API key; taken from the active profile, never typed into the form.',
    required: 'always',
    confidence: 'official',
    sources: ['SEED'],
  },
  {
    name: 'api_secret',
    group: 'credential',
    kind: 'secret',
    summary: 'The secret of that key; held by the trusted side only and never shown.',
    required: 'always',
    confidence: 'official',
    sources: ['SEED'],
  },
  {
    name: 'return_url',
    group: 'basic',
    kind: 'url',
    summary: "Where the customer's browser is sent when they finish or cancel.",
    required: 'always',
    confidence: 'official',
    sources: ['SEED', 'O-GT-EN'],
    openSchemes: true,
    notes: 'An app deep link (another scheme than http/https) is sent with a warning: the vendor does not rule it out.',
  },
  {
    name: 'notify_url',
    group: 'basic',
    kind: 'url',
    summary: 'Your server endpoint the service POSTs the signed result to.',
    required: 'always',
    confidence: 'official',
    sources: ['SEED', 'O-GT-EN', 'O-CB-EN'],
    ports: NOTIFY_PORTS,
    notes: `The service calls back only on ports ${NOTIFY_PORTS.join(', ')}. HTTPS is recommended; over plain HTTP, verify the data of each callback with its sign.`,
  },
  {
    name: 'biz_no',
    group: 'basic',
    kind: 'text',
    summary: 'Your own unique reference for this verification, echoed back in results.',
    required: 'always',
    confidence: 'official',
    sources: ['SEED', 'O-GT-EN'],
    maxBytes: 128,
    notes: 'Must be unique per call. Never reuse it for a retry of a call whose outcome is unknown.',
  },
  {
    name: 'scene_id',
    group: 'basic',
    kind: 'text',
    summary: 'A scene configured in the FaceID web console: customises the visual elements of the flow.',
    required: 'optional',
    confidence: 'official',
    sources: ['SEED', 'O-GT-CN'],
    notes: 'Empty: the scene configured as default; with no scene configured, the system default look. An unknown id is refused with BAD_ARGUMENTS.',
  },
  {
    name: 'language',
    group: 'basic',
    kind: 'enum',
    summary: 'Language of the prompts on the liveness page.',
    required: 'optional',
    confidence: 'official',
    sources: ['SEED', 'O-GT-CN', 'T-FINAUTH'],
    values: [
      { value: '0', label: 'English', confidence: 'official' },
      { value: '1', label: 'Chinese', confidence: 'official' },
      { value: '2', label: 'Indonesian', confidence: 'third-party' },
      { value: '3', label: 'Thai', confidence: 'third-party' },
    ],
    openValues: true,
    serviceDefault: '0',
    defaultConfidence: 'official',
  },
  {
    name: 'procedure_type',
    group: 'basic',
    kind: 'enum',
    summary: 'Which liveness method the page runs.',
    required: 'optional',
    confidence: 'official',
    sources: ['SEED', 'O-CB-CN', 'T-FINAUTH', 'C-GT'],
    values: [
      { value: 'flash', label: 'Flash (colour-flash liveness)', confidence: 'official' },
      { value: 'still', label: 'Still (silent video)', confidence: 'third-party' },
      { value: 'distance', label: 'Distance (move closer)', confidence: 'third-party' },
      { value: 'video', label: 'Video (read digits aloud)', confidence: 'china' },
      { value: 'selfie', label: 'Selfie (two photos)', confidence: 'china' },
    ],
    openValues: true,
    notes: 'Only "flash" is confirmed for the overseas edition; the service default is not documented.',
  },
  {
    name: 'procedure_priority',
    group: 'basic',
    kind: 'enum',
    summary: 'What to fall back to when the browser cannot run WebRTC.',
    required: 'optional',
    confidence: 'official',
    sources: ['SEED', 'C-ADV', 'T-RAVEN'],
    values: [
      { value: 'keep', label: 'Keep: no fallback, end with WEBRTC_UNSUPPORTED', confidence: 'china' },
      { value: 'video', label: 'Fall back to video', confidence: 'china' },
      { value: 'still', label: 'Fall back to still', confidence: 'china' },
    ],
    openValues: true,
    notes: 'The vendor documents the parameter; the overseas value list and default are not documented (the China list is shown; its default depends on procedure_type).',
  },
  {
    name: 'comparison_type',
    group: 'basic',
    kind: 'enum',
    summary: 'Liveness only, or liveness plus comparison with your reference photos.',
    required: 'always',
    confidence: 'official',
    sources: ['SEED', 'T-FINAUTH'],
    values: [
      { value: '0', label: 'Liveness + compare with image_ref1/image_ref2', confidence: 'official' },
      { value: '-1', label: 'Liveness only, no comparison', confidence: 'official' },
    ],
    notes: 'Required: the vendor page marks it as required. Any other value is refused with BAD_ARGUMENTS.',
  },
  {
    name: 'uuid',
    group: 'basic',
    kind: 'text',
    summary: 'A stable id of the customer, for tracing and reports.',
    required: 'always',
    confidence: 'official',
    sources: ['SEED', 'O-RAW-GT'],
    maxBytes: 512,
    notes: 'Required with comparison_type=0 and with -1 alike: the vendor page marks uuid as required under both modes.',
  },
  {
    name: 'image_ref1',
    group: 'basic',
    kind: 'file',
    summary: 'Reference photo of the customer’s face to compare against.',
    required: 'one-photo-with-comparison',
    confidence: 'official',
    sources: ['SEED', 'T-FINAUTH'],
    maxBytes: IMAGE_LIMITS.maxBytes,
    notes: 'With comparison_type=0 at least one of image_ref1/image_ref2 is required. JPEG is what every client sends. Limits of 2 MB and 4096 px per side are inferred from Raw-Verify.',
  },
  {
    name: 'image_ref2',
    group: 'basic',
    kind: 'file',
    summary: 'Second reference photo (or the only one: either photo satisfies the requirement).',
    required: 'one-photo-with-comparison',
    confidence: 'official',
    sources: ['SEED'],
    maxBytes: IMAGE_LIMITS.maxBytes,
  },
  {
    name: 'biz_extra_data',
    group: 'advanced',
    kind: 'text',
    summary: 'Free text echoed back in callbacks and get_result.',
    required: 'optional',
    confidence: 'official',
    sources: ['SEED', 'O-GT-EN', 'O-CB-EN'],
    maxBytes: 4096,
  },
  {
    name: 'get_shooting_error',
    group: 'advanced',
    kind: 'enum',
    summary: 'Report in callbacks whether the page never received the recorded video.',
    required: 'optional',
    confidence: 'official',
    sources: ['SEED', 'T-RAVEN'],
    values: zeroOne('Do not report', 'Report shooting_error', 'third-party'),
    openValues: true,
    serviceDefault: '0',
    defaultConfidence: 'third-party',
    notes: 'The vendor documents the parameter; the value list and default come from third-party copies of the China docs.',
  },
  {
    name: 'maximum_shooting_time',
    group: 'advanced',
    kind: 'integer',
    summary: 'Seconds the page waits for the recording after "start" before prompting that no video was received.',
    required: 'optional',
    confidence: 'official',
    sources: ['SEED', 'T-RAVEN'],
    range: { min: 2, max: 60 },
    openRange: true,
    serviceDefault: '15',
    defaultConfidence: 'official',
    notes: 'Range 2–60 per the vendor (the China edition says 10–60); the vendor advises 10–15 s. When the time is up, the page prompts the customer that no video was received.',
  },
  {
    name: 'multi_oriented_detection',
    group: 'advanced',
    kind: 'enum',
    summary: 'Retry face detection on reference photos rotated 90/180/270°.',
    required: 'optional',
    confidence: 'official',
    sources: ['SEED', 'T-RAVEN', 'T-DOC-RAW'],
    values: zeroOne('No rotation', 'Try rotations (slightly more false detections)', 'official'),
    serviceDefault: '0',
    defaultConfidence: 'official',
  },
  {
    name: 'fail_when_ref_multiple_faces',
    group: 'advanced',
    kind: 'enum',
    summary: 'Refuse a reference photo with several faces instead of using the largest.',
    required: 'optional',
    confidence: 'official',
    sources: ['SEED', 'T-SDK', 'T-MISC', 'C-OPEN'],
    values: zeroOne('Use the largest face', 'Fail with MULTIPLE_FACES', 'inferred'),
    openValues: true,
    serviceDefault: '1',
    defaultConfidence: 'inferred',
    notes: 'The vendor documents the parameter; its values and default are our inference from the analogous Megvii Verify parameter.',
  },
  {
    name: 'return_multifaces_tag',
    group: 'advanced',
    kind: 'enum',
    summary: 'Ask for a flag in the result telling whether several faces were seen.',
    required: 'optional',
    confidence: 'official',
    sources: ['SEED'],
    values: zeroOne('No flag', 'Return the flag', 'inferred'),
    openValues: true,
    serviceDefault: '0',
    defaultConfidence: 'inferred',
    notes: 'The vendor documents the parameter; its values, default and the name of the returned field are not documented.',
  },
  {
    name: 'fmp_mode',
    group: 'advanced',
    kind: 'enum',
    summary: 'Whether fake-face checks (mask, screen replay, synthetic) can fail the liveness verdict.',
    required: 'optional',
    confidence: 'official',
    sources: ['SEED', 'T-RAVEN', 'T-FINAUTH'],
    values: [
      { value: '0', label: 'Fold fake-face checks into PASS/FAIL', confidence: 'third-party' },
      { value: '1', label: 'Scores only, verdict unaffected', confidence: 'third-party' },
    ],
    openValues: true,
    serviceDefault: '1',
    defaultConfidence: 'official',
  },
  {
    name: 'get_fail_reason',
    group: 'advanced',
    kind: 'enum',
    summary: 'Include fail_reason explaining a WEBRTC_UNSUPPORTED status.',
    required: 'optional',
    confidence: 'official',
    sources: ['SEED', 'O-CB-EN', 'O-CB-CN'],
    values: zeroOne('No fail_reason', 'Include fail_reason', 'official'),
    serviceDefault: '0',
    defaultConfidence: 'official',
  },
  {
    name: 'face_occlusion_detection',
    group: 'advanced',
    kind: 'enum',
    summary: 'Reject occluded faces during capture.',
    required: 'optional',
    confidence: 'official',
    sources: ['SEED'],
    values: zeroOne('Off', 'On', 'inferred'),
    openValues: true,
    notes: 'The vendor documents the parameter; its values and default are not documented.',
  },
  {
    name: 'eye_close_detection',
    group: 'advanced',
    kind: 'enum',
    summary: 'Reject closed eyes during capture.',
    required: 'optional',
    confidence: 'official',
    sources: ['SEED', 'T-SDK'],
    values: zeroOne('Off', 'On', 'inferred'),
    openValues: true,
    notes: 'The vendor documents the parameter; its values and default are not documented. The App API spells its analogue eyes_close_detection.',
  },
  {
    name: 'action_http_method',
    group: 'advanced',
    kind: 'enum',
    summary: "How the customer's browser delivers the result to return_url.",
    required: 'optional',
    confidence: 'official',
    sources: ['SEED', 'O-CB-EN', 'O-CB-CN', 'T-FINAUTH'],
    values: [
      { value: 'POST', label: 'POST form with data and sign', confidence: 'official' },
      { value: 'GET', label: 'GET redirect with a query string', confidence: 'official' },
    ],
    openValues: true,
    serviceDefault: 'POST',
    defaultConfidence: 'inferred',
    notes: 'Exact accepted casing is unconfirmed.',
  },
  {
    name: 'redirect_type',
    group: 'advanced',
    kind: 'enum',
    summary: 'With GET: whether the redirect replaces the liveness page in the browser history.',
    required: 'optional',
    confidence: 'official',
    sources: ['SEED', 'T-FINAUTH'],
    values: [
      { value: '0', label: 'Normal redirect', confidence: 'third-party' },
      { value: '1', label: 'Replace the history entry (Back returns to the page before the flow)', confidence: 'official' },
    ],
    openValues: true,
    serviceDefault: '0',
    defaultConfidence: 'third-party',
    notes: 'Only meaningful with action_http_method=GET.',
  },
] as const satisfies readonly ParamSpec[];

export type ParamName = (typeof PARAMS)[number]['name'];
export type FileParamName = 'image_ref1' | 'image_ref2';
/** Parameters the operator fills in (credentials come from the profile, photos are files). */
export type FormParamName = Exclude<ParamName, 'api_key' | 'api_secret' | FileParamName>;

export const FILE_PARAMS: readonly FileParamName[] = ['image_ref1', 'image_ref2'];

const byName = new Map<string, ParamSpec>(PARAMS.map((p) => [p.name, p]));

/** The catalogue entry for a parameter name, or undefined for a name the service does not know. */
export function paramSpec(name: string): ParamSpec | undefined {
  return byName.get(name);
}

/** Form parameters in catalogue order: what the operator types or picks. */
export const FORM_PARAMS: readonly ParamSpec[] = PARAMS.filter(
  (p) => p.group !== 'credential' && p.kind !== 'file',
);

/** Whether `value` is one of the listed values of an enum parameter. */
export function isListedValue(spec: ParamSpec, value: string): boolean {
  return (spec.values ?? []).some((v) => v.value === value);
}

/** The short tag the form prints beside a fact that is not the vendor's word ('' when it is). */
export function confidenceTag(c: Confidence | undefined): string {
  return c === undefined || c === 'official' ? '' : ` [${c}]`;
}

/** "service default: X [confidence]", or undefined when the service default is unknown. */
export function serviceDefaultText(spec: ParamSpec): string | undefined {
  if (spec.serviceDefault === undefined) return undefined;
  return `service default: ${spec.serviceDefault}${confidenceTag(spec.defaultConfidence ?? spec.confidence)}`;
}

/** Parameters that share the 'one-photo-with-comparison' requirement, in catalogue order. */
export const ONE_PHOTO_GROUP: readonly string[] = (PARAMS as readonly ParamSpec[])
  .filter((p) => p.required === 'one-photo-with-comparison')
  .map((p) => p.name);

/**
 * Whether `spec` must be sent, given the comparison type and whether a parameter is present.
 * For the photo group, only the first of the group is named missing, and only when none of the
 * group is present (the seed asks for image_ref[x], 1 ≤ x ≤ 2, not image_ref1 in particular).
 */
export function isRequiredGiven(spec: ParamSpec, comparisonType: string | undefined, isPresent: (name: string) => boolean): boolean {
  switch (spec.required) {
    case 'always':
      return true;
    case 'with-comparison':
      return comparisonType === '0';
    case 'one-photo-with-comparison':
      return comparisonType === '0' && spec.name === ONE_PHOTO_GROUP[0] && !ONE_PHOTO_GROUP.some(isPresent);
    default:
      return false;
  }
}
