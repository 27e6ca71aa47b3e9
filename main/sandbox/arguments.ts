/**
 * The sandbox's MISSING_ARGUMENTS and BAD_ARGUMENTS checks, derived from the parameter catalogue
 * so that a new catalogue entry is enforced without touching this file. Like the service, it
 * names only the first offending parameter, in catalogue order.
 */
import { PARAMS, isListedValue, type ParamSpec } from '../../core/faceid/catalogue';
import { utf8Length } from '../../core/faceid/validate';
import { isLoopbackHost } from './loopback';
import type { ReceivedForm } from './multipart';

/** Credentials are checked first and with their own codes; these are the rest, in catalogue order. */
const CHECKED: readonly ParamSpec[] = (PARAMS as readonly ParamSpec[]).filter((p) => p.group !== 'credential');

/**
 * Parameters whose listed values are accepted in any letter case. faceid-api.md §2.2 leaves the
 * casing of action_http_method open and third-party code sends "GET"; a lenient sandbox does not
 * fail a client over a question the docs cannot answer.
 */
const CASE_INSENSITIVE = new Set(['action_http_method']);

/** The parameter whose valid values are the configured scenes rather than a catalogue list. */
const SCENE_PARAM = 'scene_id';

/** Whether the request compares faces, which makes uuid and image_ref1 required. */
export const isComparison = (fields: ReadonlyMap<string, string>): boolean => fields.get('comparison_type') === '0';

function isPresent(spec: ParamSpec, form: ReceivedForm): boolean {
  if (spec.kind === 'file') return (form.files.get(spec.name)?.bytes.length ?? 0) > 0;
  return (form.fields.get(spec.name) ?? '') !== '';
}

function isRequired(spec: ParamSpec, form: ReceivedForm): boolean {
  return spec.required === 'always' || (spec.required === 'with-comparison' && isComparison(form.fields));
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

function isListed(spec: ParamSpec, value: string): boolean {
  if (!CASE_INSENSITIVE.has(spec.name)) return isListedValue(spec, value);
  return (spec.values ?? []).some((v) => v.value.toLowerCase() === value.toLowerCase());
}

export interface ArgumentRules {
  scenes: Readonly<Record<string, number>>;
  /**
   * false: a notify_url on a loopback host (127.x.x.x, localhost, [::1]) may use any port, so
   * tests and local development can receive callbacks on a random port. Other hosts keep the
   * whitelist: the bypass must not let a client believe a production URL would work.
   */
  callbackPortCheck: boolean;
}

/** Whether a notify_url port is one the service calls back on (or the loopback bypass applies). */
function isRefusedPort(spec: ParamSpec, url: URL, rules: ArgumentRules): boolean {
  if (spec.ports === undefined) return false;
  if (!rules.callbackPortCheck && isLoopbackHost(url.hostname)) return false;
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return !spec.ports.includes(port);
}

function isBadValue(spec: ParamSpec, value: string, rules: ArgumentRules): boolean {
  if (spec.maxBytes !== undefined && utf8Length(value) > spec.maxBytes) return true;
  switch (spec.kind) {
    case 'enum':
      // Open lists included: the sandbox accepts exactly what the catalogue lists.
      return !isListed(spec, value);
    case 'integer': {
      if (!/^\d+$/.test(value)) return true;
      const n = Number(value);
      return spec.range !== undefined && (n < spec.range.min || n > spec.range.max);
    }
    case 'url': {
      const url = parseHttpUrl(value);
      return !url || isRefusedPort(spec, url, rules);
    }
    default:
      return spec.name === SCENE_PARAM && !Object.hasOwn(rules.scenes, value);
  }
}

/**
 * The first parameter with a value the service refuses, in catalogue order: over its UTF-8 byte
 * limit, outside its value list, out of range, not an absolute http(s) URL, a notify_url port
 * outside the whitelist, an unknown scene. Empty values count as not sent.
 * Inferred, not documented: that the service refuses (rather than silently never calls back) a
 * notify_url on another port, that it refuses values outside the lists we know of open
 * parameters, and that it refuses an out-of-range maximum_shooting_time (faceid-api.md §2.2).
 */
export function firstBadArgument(form: ReceivedForm, rules: ArgumentRules): string | undefined {
  return CHECKED.find((spec) => {
    if (spec.kind === 'file') return false;
    const value = form.fields.get(spec.name) ?? '';
    return value !== '' && isBadValue(spec, value, rules);
  })?.name;
}
