/**
 * The sandbox's MISSING_ARGUMENTS and BAD_ARGUMENTS checks, derived from the parameter catalogue
 * so that a new catalogue entry is enforced without touching this file. Like the service, it
 * names only the first offending parameter, in catalogue order.
 *
 * Two modes. **Strict** (the default) refuses every value outside what the catalogue lists.
 * **Lenient** accepts what the vendor has not ruled out, answers as for the nearest documented
 * value, and reports each such value so it is logged as accepted on trust (trust-log.ts):
 * - ruled out (refused in both modes): values outside closed lists (`comparison_type`, the
 *   documented switches), UTF-8 byte limits, a non-integer for an Int, a scene_id the account
 *   does not have, a notify_url that is not absolute http(s) (the service's server must call it);
 * - open (lenient accepts): values outside an `openValues` list (answered as the nearest listed
 *   value: a case-insensitive match, the numerically nearest of a numeric list, else the service
 *   default, else the first documented value); an integer outside its `range` (the refusal is our
 *   inference; answered as the nearest bound); a notify_url port outside `ports` (the refusal is
 *   inferred; the sandbox still calls back there); a return_url with another scheme, such as an
 *   app's deep link (the browser, not the service, follows it; never javascript:, data:,
 *   vbscript:, blob: or file:, which would run in or read from the liveness page).
 * Unknown parameter names are ignored in both modes, as the service ignores extra form fields,
 * and reported so a misspelt name (`procedure_typ`) is visible.
 */
import { PARAMS, isListedValue, isRequiredGiven, paramSpec, type ParamSpec } from '../../core/faceid/catalogue';
import { utf8Length } from '../../core/faceid/validate';
import { isLoopbackHost } from './loopback';
import type { ReceivedForm } from './multipart';
import type { TrustedValue } from './trust-log';
import { msg, type MessageRef } from '../../core/i18n/render';

/** Credentials are checked first and with their own codes; these are the rest, in catalogue order. */
const CHECKED: readonly ParamSpec[] = (PARAMS as readonly ParamSpec[]).filter((p) => p.group !== 'credential');

/**
 * Parameters whose listed values are accepted in any letter case, in both modes. faceid-api.md
 * §2.2 leaves the casing of action_http_method open and third-party code sends "GET"; the sandbox
 * does not fail a client over a question the docs cannot answer.
 */
const CASE_INSENSITIVE = new Set(['action_http_method']);

/** The parameter whose valid values are the configured scenes rather than a catalogue list. */
const SCENE_PARAM = 'scene_id';

/** Schemes a lenient return_url may never use: the hand-off would run or read them in the page. */
const UNSAFE_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'blob:', 'file:']);

/** Whether the request compares faces, which makes image_ref1 required. */
export const isComparison = (fields: ReadonlyMap<string, string>): boolean => fields.get('comparison_type') === '0';

function isPresent(spec: ParamSpec, form: ReceivedForm): boolean {
  if (spec.kind === 'file') return (form.files.get(spec.name)?.bytes.length ?? 0) > 0;
  return (form.fields.get(spec.name) ?? '') !== '';
}

/**
 * Required-ness comes from the catalogue. With comparison_type=0 the seed asks for image_ref[x],
 * 1 ≤ x ≤ 2: a request with only image_ref2 is accepted and compared against it (inferred: the
 * vendor does not say whether image_ref1 in particular is expected); with neither photo the
 * sandbox answers MISSING_ARGUMENTS: image_ref1, naming the first of the two.
 */
function isRequired(spec: ParamSpec, form: ReceivedForm): boolean {
  return isRequiredGiven(spec, form.fields.get('comparison_type'), (name) => {
    const other = CHECKED.find((s) => s.name === name);
    return other !== undefined && isPresent(other, form);
  });
}

/** The first required parameter that is absent or empty, in catalogue order. */
export function firstMissing(form: ReceivedForm): string | undefined {
  return CHECKED.find((spec) => isRequired(spec, form) && !isPresent(spec, form))?.name;
}

/** An absolute http(s) URL with a host; `https:host` without slashes is not one. */
function parseHttpUrl(raw: string): URL | undefined {
  if (!/^https?:\/\//i.test(raw)) return undefined;
  try {
    const url = new URL(raw);
    return url.hostname === '' ? undefined : url;
  } catch {
    return undefined;
  }
}

/** An absolute URL of a scheme the browser may be sent to (an app's deep link, say). */
function isSafeOtherScheme(raw: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(raw)) return false;
  try {
    return !UNSAFE_SCHEMES.has(new URL(raw).protocol.toLowerCase());
  } catch {
    return false;
  }
}

function listedMatch(spec: ParamSpec, value: string): string | undefined {
  if (isListedValue(spec, value)) return value;
  if (!CASE_INSENSITIVE.has(spec.name)) return undefined;
  return (spec.values ?? []).find((v) => v.value.toLowerCase() === value.toLowerCase())?.value;
}

/** The documented value an unlisted value of an open list is answered as (see the module comment). */
export function nearestListedValue(spec: ParamSpec, value: string): string {
  const values = spec.values ?? [];
  const folded = values.find((v) => v.value.toLowerCase() === value.toLowerCase());
  if (folded) return folded.value;
  const numeric = /^-?\d+(\.\d+)?$/;
  if (values.length > 0 && numeric.test(value) && values.every((v) => numeric.test(v.value))) {
    const n = Number(value);
    return values.reduce((best, v) => (Math.abs(Number(v.value) - n) < Math.abs(Number(best.value) - n) ? v : best)).value;
  }
  if (spec.serviceDefault !== undefined) return spec.serviceDefault;
  return (values.find((v) => v.confidence === 'official') ?? values[0])?.value ?? value;
}

export interface ArgumentRules {
  scenes: Readonly<Record<string, number>>;
  /**
   * false: a notify_url on a loopback host (127.x.x.x, localhost, [::1]) may use any port, so
   * tests and local development can receive callbacks on a random port. Other hosts keep the
   * whitelist: the bypass must not let a client believe a production URL would work.
   */
  callbackPortCheck: boolean;
  /** Accept what the vendor has not ruled out (module comment). */
  lenient: boolean;
}

/** Whether a notify_url port is one the service calls back on (or the loopback bypass applies). */
function isRefusedPort(spec: ParamSpec, url: URL, rules: ArgumentRules): boolean {
  if (spec.ports === undefined) return false;
  if (!rules.callbackPortCheck && isLoopbackHost(url.hostname)) return false;
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return !spec.ports.includes(port);
}

/** What one value comes to: fine, refused, or (lenient) accepted on trust. */
type ValueVerdict = { kind: 'ok' } | { kind: 'bad' } | { kind: 'trusted'; treatedAs?: string; note: MessageRef };

const OK: ValueVerdict = { kind: 'ok' };
const BAD: ValueVerdict = { kind: 'bad' };

function judgeValue(spec: ParamSpec, value: string, rules: ArgumentRules): ValueVerdict {
  if (spec.maxBytes !== undefined && utf8Length(value) > spec.maxBytes) return BAD;
  switch (spec.kind) {
    case 'enum': {
      if (listedMatch(spec, value) !== undefined) return OK;
      if (!rules.lenient || !spec.openValues) return BAD;
      return { kind: 'trusted', treatedAs: nearestListedValue(spec, value), note: msg('console', 'trust.openList') };
    }
    case 'integer': {
      if (!/^\d+$/.test(value)) return BAD;
      const n = Number(value);
      if (spec.range === undefined || (n >= spec.range.min && n <= spec.range.max)) return OK;
      if (!rules.lenient) return BAD;
      const bound = n < spec.range.min ? spec.range.min : spec.range.max;
      return {
        kind: 'trusted',
        treatedAs: String(bound),
        note: msg('console', 'trust.outsideRange', { min: spec.range.min, max: spec.range.max }),
      };
    }
    case 'url': {
      const url = parseHttpUrl(value);
      if (!url) {
        // Only the browser's target may use another scheme: the service's server calls notify_url.
        if (rules.lenient && spec.ports === undefined && isSafeOtherScheme(value))
          return { kind: 'trusted', note: msg('console', 'trust.notHttp') };
        return BAD;
      }
      if (!isRefusedPort(spec, url, rules)) return OK;
      if (!rules.lenient) return BAD;
      return {
        kind: 'trusted',
        note: msg('console', 'trust.callbackPort', { ports: (spec.ports ?? []).join('/') }),
      };
    }
    default:
      return spec.name === SCENE_PARAM && !Object.hasOwn(rules.scenes, value) ? BAD : OK;
  }
}

export type ArgumentVerdict =
  /** The first parameter with a value the service refuses, in catalogue order. */
  | { ok: false; bad: string }
  /**
   * `fields`: what the sandbox answers as (each value accepted on trust replaced by its
   * `treatedAs`); `trusted`: those values and the unknown names, for the trust log.
   */
  | { ok: true; fields: Map<string, string>; trusted: TrustedValue[] };

/**
 * Checks every value against the catalogue, in catalogue order: over its UTF-8 byte limit,
 * outside its value list, out of range, not an absolute http(s) URL, a notify_url port outside
 * the whitelist, an unknown scene. Empty values count as not sent.
 * Inferred, not documented: that the service refuses (rather than silently never calls back) a
 * notify_url on another port, that it refuses values outside the lists we know of open
 * parameters, and that it refuses an out-of-range maximum_shooting_time (faceid-api.md §2.2);
 * hence lenient mode accepts exactly these.
 */
export function checkArguments(form: ReceivedForm, rules: ArgumentRules): ArgumentVerdict {
  const fields = new Map(form.fields);
  const trusted: TrustedValue[] = [];
  for (const spec of CHECKED) {
    if (spec.kind === 'file') continue;
    const value = form.fields.get(spec.name) ?? '';
    if (value === '') continue;
    const verdict = judgeValue(spec, value, rules);
    if (verdict.kind === 'bad') return { ok: false, bad: spec.name };
    if (verdict.kind === 'trusted') {
      trusted.push({ param: spec.name, value, treatedAs: verdict.treatedAs, note: verdict.note, accepted: true });
      if (verdict.treatedAs !== undefined) fields.set(spec.name, verdict.treatedAs);
    }
  }
  for (const [name, value] of form.fields) {
    if (!paramSpec(name)) trusted.push({ param: name, value, note: msg('console', 'trust.unknownParam'), accepted: true });
  }
  for (const name of form.files.keys()) {
    if (!paramSpec(name)) trusted.push({ param: name, value: '(file)', note: msg('console', 'trust.unknownParam'), accepted: true });
  }
  return { ok: true, fields, trusted };
}
