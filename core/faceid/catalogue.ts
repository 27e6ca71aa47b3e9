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
import { msg, type MessageRef } from '../i18n/render';
import { messageAt } from '../i18n/messages';
import { paramsMessages } from './messages/params';
import { NOTIFY_PORTS, PARAMS } from './params';

// The entries live in params.ts (data); every consumer keeps importing them from here.
export { IMAGE_LIMITS, NOTIFY_PORTS, PARAMS } from './params';

/** How sure we are of a fact, from faceid-api.md's tags. */
export type Confidence = 'official' | 'china' | 'third-party' | 'inferred';

/** What a confidence tag means, in words (namespace `params`). */
export function confidenceLabel(c: Confidence): MessageRef {
  return msg('params', `confidence.${c}`);
}

export type ParamGroup = 'credential' | 'basic' | 'advanced';
export type ParamKind = 'secret' | 'text' | 'url' | 'enum' | 'integer' | 'file';
/**
 * When a parameter must be present. 'one-photo-with-comparison': with `comparison_type=0` at least
 * one parameter of this kind (image_ref1, image_ref2) must be sent; a checker that names the
 * missing one names the first of the kind in catalogue order (image_ref1).
 */
export type Requirement = 'always' | 'with-comparison' | 'one-photo-with-comparison' | 'optional';

/** A listed value; its label is `valueLabel(param, value)` in the message table. */
export interface AllowedValue {
  value: string;
  confidence: Confidence;
}

export interface ParamSpec {
  name: string;
  group: ParamGroup;
  kind: ParamKind;
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
  /**
   * Changes with every customer (uuid, photos, biz_no, biz_extra_data): the desk asks for these,
   * and "New customer" clears them; everything else comes from the profile's defaults.
   */
  perCustomer?: boolean;
}

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
export const FORM_PARAMS: readonly ParamSpec[] = PARAMS.filter((p) => p.group !== 'credential' && p.kind !== 'file');

/** Parameters that change with every customer, in catalogue order (desk form, New customer). */
export const PER_CUSTOMER_PARAMS: readonly string[] = (PARAMS as readonly ParamSpec[])
  .filter((p) => p.perCustomer === true)
  .map((p) => p.name);

/** Whether `value` is one of the listed values of an enum parameter. */
export function isListedValue(spec: ParamSpec, value: string): boolean {
  return (spec.values ?? []).some((v) => v.value === value);
}

/** The short tag the form prints beside a fact that is not the vendor's word ('' when it is). */
export function confidenceTag(c: Confidence | undefined): string {
  return c === undefined || c === 'official' ? '' : ` [${c}]`;
}

/** "service default: X [confidence]", or undefined when the service default is unknown. */
export function serviceDefaultText(spec: ParamSpec): MessageRef | undefined {
  if (spec.serviceDefault === undefined) return undefined;
  return msg('params', 'serviceDefault', { value: `${spec.serviceDefault}${confidenceTag(spec.defaultConfidence ?? spec.confidence)}` });
}

/** A parameter's one line for the form and the docs (every parameter has one). */
export function paramSummary(name: string): MessageRef {
  return msg('params', `${name}.summary`);
}

// Placeholders of notes that quote the catalogue's own facts, so the text cannot drift from them.
const NOTE_PARAMS: Partial<Record<string, Record<string, string>>> = { notify_url: { ports: NOTIFY_PORTS.join(', ') } };

/** A parameter's longer guidance, shown on demand; undefined when it has none. */
export function paramNotes(name: string): MessageRef | undefined {
  if (messageAt(paramsMessages.en, `${name}.notes`) === undefined) return undefined;
  return msg('params', `${name}.notes`, NOTE_PARAMS[name]);
}

/** The label of one listed value of an enum parameter ("Flash (colour-flash liveness)"). */
export function valueLabel(name: string, value: string): MessageRef {
  return msg('params', `${name}.values.${value}`);
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
