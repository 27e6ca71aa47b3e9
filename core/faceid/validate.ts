import type { FieldIssue } from '../result';
import {
  FILE_PARAMS,
  IMAGE_LIMITS,
  PARAMS,
  isListedValue,
  isRequiredGiven,
  paramSpec,
  type FileParamName,
  type ParamSpec,
} from './catalogue';
import { msg, type MessageValue } from '../i18n/render';
import { exceedsImageLimits, formatBytes, type PhotoFacts } from './photo';

/** Form values as strings; an empty string means "not sent". */
export type FormValues = Partial<Record<string, string>>;
export type PhotoSet = Partial<Record<FileParamName, PhotoFacts>>;

/** Number of bytes of the UTF-8 encoding of `s` (limits in faceid-api.md are bytes, not characters). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Whether a parameter must be sent, given the other values and the attached photos. */
export function isRequired(spec: ParamSpec, values: FormValues, photos: PhotoSet = {}): boolean {
  const present = (name: string) =>
    FILE_PARAMS.includes(name as FileParamName) ? photos[name as FileParamName] !== undefined : (values[name] ?? '') !== '';
  return isRequiredGiven(spec, values.comparison_type, present);
}

const listOf = (spec: ParamSpec) => (spec.values ?? []).map((v) => `"${v.value}"`).join(', ');

/** An issue as a reference into the `validation` table; `field` is always one of its parameters. */
function issue(field: string, severity: FieldIssue['severity'], key: string, params: Record<string, MessageValue> = {}): FieldIssue {
  return { field, severity, message: msg('validation', key, { field, ...params }) };
}

function checkUrl(spec: ParamSpec, raw: string, issues: FieldIssue[]): void {
  const push = (severity: FieldIssue['severity'], key: string, params?: Record<string, MessageValue>) =>
    issues.push(issue(spec.name, severity, key, params));
  let url: URL;
  try {
    // "https:host" parses as a URL but is not what the service accepts: require the "//".
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) throw new Error('not absolute');
    url = new URL(raw);
  } catch {
    push('error', 'notAbsoluteUrl');
    return;
  }
  const scheme = url.protocol.replace(':', '');
  if (scheme !== 'https' && scheme !== 'http') {
    if (spec.openSchemes) {
      push('warning', 'otherScheme', { scheme });
    } else {
      push('error', 'badScheme', { scheme });
    }
    return;
  }
  if (spec.ports) {
    const port = url.port === '' ? (scheme === 'https' ? 443 : 80) : Number(url.port);
    if (!spec.ports.includes(port)) {
      // The vendor names the ports it calls back on, not that get_token refuses others.
      push('warning', url.port === '' ? 'callbackDefaultPort' : 'callbackPort', { port, ports: spec.ports.join(', ') });
    }
  }
  if (scheme === 'http') {
    push('warning', 'plainHttp');
  }
}

function checkValue(spec: ParamSpec, value: string, values: FormValues, issues: FieldIssue[]): void {
  const push = (severity: FieldIssue['severity'], key: string, params?: Record<string, MessageValue>) =>
    issues.push(issue(spec.name, severity, key, params));
  if (spec.maxBytes !== undefined && spec.kind !== 'file') {
    const n = utf8Length(value);
    if (n > spec.maxBytes) push('error', 'tooLong', { bytes: n, limit: spec.maxBytes });
  }
  switch (spec.kind) {
    case 'url':
      checkUrl(spec, value, issues);
      break;
    case 'integer': {
      if (!/^-?\d+$/.test(value)) {
        if (spec.range) push('error', 'notWholeInRange', { min: spec.range.min, max: spec.range.max });
        else push('error', 'notWhole');
      } else if (spec.range && (Number(value) < spec.range.min || Number(value) > spec.range.max)) {
        if (spec.openRange) {
          push('warning', 'outsideOpenRange', { value, min: spec.range.min, max: spec.range.max });
        } else {
          push('error', 'outsideRange', { value, min: spec.range.min, max: spec.range.max });
        }
      }
      break;
    }
    case 'enum': {
      if (isListedValue(spec, value)) break;
      if (spec.openValues) {
        push('warning', 'unlistedOpen', { value, allowed: listOf(spec) });
      } else {
        push('error', 'notAllowed', { value, allowed: listOf(spec) });
      }
      break;
    }
    default:
      break;
  }
  if (value !== value.trim() && spec.kind !== 'enum') {
    push('warning', 'spaces');
  }
  if (spec.name === 'redirect_type' && (values.action_http_method ?? '').toUpperCase() !== 'GET') {
    push('warning', 'redirectNeedsGet');
  }
}

function checkPhoto(name: FileParamName, facts: PhotoFacts, values: FormValues, issues: FieldIssue[]): void {
  const push = (severity: FieldIssue['severity'], key: string, params?: Record<string, MessageValue>) =>
    issues.push(issue(name, severity, key, params));
  if (facts.format === null) {
    push('error', 'notImage');
    return;
  }
  if (facts.format !== 'jpeg' && facts.format !== 'png') {
    push('warning', 'otherFormat', { format: facts.format.toUpperCase() });
  }
  const over = exceedsImageLimits(facts);
  if (over.bytes) {
    push('warning', 'photoTooBig', { size: formatBytes(facts.bytes), limit: formatBytes(IMAGE_LIMITS.maxBytes) });
  }
  if (over.pixels) {
    push('warning', 'photoTooManyPixels', { width: facts.width ?? 0, height: facts.height ?? 0, limit: IMAGE_LIMITS.maxSide });
  }
  if (values.comparison_type === '-1') {
    push('warning', 'notCompared');
  }
}

/**
 * Validates a get_token request before anything is sent: every problem at once, per field,
 * in catalogue order. Errors block sending and are kept for what the vendor rules out (a missing
 * required parameter, a value outside a closed list, a byte limit, a URL that is not one).
 * Warnings inform and never block: what the vendor leaves open (open lists, notify_url ports,
 * maximum_shooting_time's range, unknown names, app links as return_url, image_ref2 alone).
 */
export function validateTokenRequest(values: FormValues, photos: PhotoSet = {}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const name of Object.keys(values)) {
    const spec = paramSpec(name);
    if (!spec) {
      issues.push(issue(name, 'warning', 'unknownParam'));
    } else if (spec.group === 'credential') {
      issues.push(issue(name, 'error', 'credentialInForm'));
    } else if (spec.kind === 'file') {
      issues.push(issue(name, 'error', 'fileAsText'));
    }
  }
  for (const spec of PARAMS as readonly ParamSpec[]) {
    if (spec.group === 'credential') continue;
    if (spec.kind === 'file') {
      const facts = photos[spec.name as FileParamName];
      if (facts) checkPhoto(spec.name as FileParamName, facts, values, issues);
      else if (isRequired(spec, values, photos)) {
        issues.push(issue(spec.name, 'error', 'photoRequired'));
      }
      continue;
    }
    const value = values[spec.name] ?? '';
    if (value === '') {
      if (isRequired(spec, values)) {
        issues.push(issue(spec.name, 'error', spec.required === 'with-comparison' ? 'requiredWithComparison' : 'required'));
      }
      continue;
    }
    checkValue(spec, value, values, issues);
  }
  if (photos.image_ref2 && !photos.image_ref1 && values.comparison_type === '0') {
    issues.push(issue('image_ref2', 'warning', 'onlyRef2'));
  }
  return issues;
}

/** Whether any issue blocks sending. */
export const hasErrors = (issues: readonly Pick<FieldIssue, 'severity'>[]): boolean => issues.some((i) => i.severity === 'error');
