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
  const present = (name: string) => (FILE_PARAMS.includes(name as FileParamName) ? photos[name as FileParamName] !== undefined : (values[name] ?? '') !== '');
  return isRequiredGiven(spec, values.comparison_type, present);
}

const listOf = (spec: ParamSpec) => (spec.values ?? []).map((v) => `"${v.value}"`).join(', ');

function checkUrl(spec: ParamSpec, raw: string, issues: FieldIssue[]): void {
  const push = (severity: FieldIssue['severity'], message: string) => issues.push({ field: spec.name, severity, message });
  let url: URL;
  try {
    // "https:host" parses as a URL but is not what the service accepts: require the "//".
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) throw new Error('not absolute');
    url = new URL(raw);
  } catch {
    push('error', `${spec.name} is not an absolute URL (expected e.g. https://example.com/path).`);
    return;
  }
  const scheme = url.protocol.replace(':', '');
  if (scheme !== 'https' && scheme !== 'http') {
    if (spec.openSchemes) {
      push('warning', `${spec.name} uses the scheme "${scheme}" (an app link?); the vendor documents http(s) URLs and does not rule others out, so it will be sent as typed.`);
    } else {
      push('error', `${spec.name} must use https or http, not ${scheme}.`);
    }
    return;
  }
  if (spec.ports) {
    const port = url.port === '' ? (scheme === 'https' ? 443 : 80) : Number(url.port);
    if (!spec.ports.includes(port)) {
      // The vendor names the ports it calls back on, not that get_token refuses others.
      push(
        'warning',
        `${spec.name} uses port ${port}${url.port === '' ? ' (the default for http)' : ''}; the service only calls back on ports ${spec.ports.join(', ')}, so the callback will most likely never arrive.`,
      );
    }
  }
  if (scheme === 'http') {
    push('warning', `${spec.name} uses plain HTTP: the vendor recommends HTTPS; over HTTP, verify the data of each callback with its sign.`);
  }
}

function checkValue(spec: ParamSpec, value: string, values: FormValues, issues: FieldIssue[]): void {
  const push = (severity: FieldIssue['severity'], message: string) => issues.push({ field: spec.name, severity, message });
  if (spec.maxBytes !== undefined && spec.kind !== 'file') {
    const n = utf8Length(value);
    if (n > spec.maxBytes) push('error', `${spec.name} is ${n} bytes of UTF-8; at most ${spec.maxBytes} bytes are allowed.`);
  }
  switch (spec.kind) {
    case 'url':
      checkUrl(spec, value, issues);
      break;
    case 'integer': {
      if (!/^-?\d+$/.test(value)) {
        push('error', `${spec.name} must be a whole number${spec.range ? ` from ${spec.range.min} to ${spec.range.max}` : ''}.`);
      } else if (spec.range && (Number(value) < spec.range.min || Number(value) > spec.range.max)) {
        if (spec.openRange) {
          push('warning', `${spec.name} is ${value}, outside the documented ${spec.range.min} to ${spec.range.max}; the vendor does not say the service refuses it, so it will be sent as typed.`);
        } else {
          push('error', `${spec.name} is ${value}; allowed: ${spec.range.min} to ${spec.range.max}.`);
        }
      }
      break;
    }
    case 'enum': {
      if (isListedValue(spec, value)) break;
      if (spec.openValues) {
        push(
          'warning',
          `${spec.name} "${value}" is not among the known values (${listOf(spec)}); it will be sent as typed, and the service may refuse it with BAD_ARGUMENTS.`,
        );
      } else {
        push('error', `${spec.name} "${value}" is not allowed; allowed: ${listOf(spec)}.`);
      }
      break;
    }
    default:
      break;
  }
  if (value !== value.trim() && spec.kind !== 'enum') {
    push('warning', `${spec.name} starts or ends with spaces, which will be sent as they are.`);
  }
  if (spec.name === 'redirect_type' && (values.action_http_method ?? '').toUpperCase() !== 'GET') {
    push('warning', 'redirect_type only has an effect with action_http_method=GET.');
  }
}

function checkPhoto(name: FileParamName, facts: PhotoFacts, values: FormValues, issues: FieldIssue[]): void {
  const push = (severity: FieldIssue['severity'], message: string) => issues.push({ field: name, severity, message });
  if (facts.format === null) {
    push('error', `${name} is not an image: its content is not JPEG, PNG or another known image format.`);
    return;
  }
  if (facts.format !== 'jpeg' && facts.format !== 'png') {
    push('warning', `${name} is ${facts.format.toUpperCase()}; the accepted formats are not documented and every known client sends JPEG. Convert it to be safe.`);
  }
  const over = exceedsImageLimits(facts);
  if (over.bytes) {
    push('warning', `${name} is ${formatBytes(facts.bytes)}; uploads over ${formatBytes(IMAGE_LIMITS.maxBytes)} are believed to be refused (HTTP 413). Downscale it.`);
  }
  if (over.pixels) {
    push('warning', `${name} is ${facts.width}×${facts.height} px; sides over ${IMAGE_LIMITS.maxSide} px are believed to be refused (INVALID_IMAGE_SIZE). Downscale it.`);
  }
  if (values.comparison_type === '-1') {
    push('warning', `${name} is not compared with comparison_type=-1 (liveness only).`);
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
      issues.push({ field: name, severity: 'warning', message: `${name} is not a documented get_token parameter; it will be sent as typed, and the service may ignore or refuse it.` });
    }
    else if (spec.group === 'credential') {
      issues.push({ field: name, severity: 'error', message: `${name} comes from the profile and cannot be set in the form.` });
    } else if (spec.kind === 'file') {
      issues.push({ field: name, severity: 'error', message: `${name} is a file; attach a photo instead of text.` });
    }
  }
  for (const spec of PARAMS as readonly ParamSpec[]) {
    if (spec.group === 'credential') continue;
    if (spec.kind === 'file') {
      const facts = photos[spec.name as FileParamName];
      if (facts) checkPhoto(spec.name as FileParamName, facts, values, issues);
      else if (isRequired(spec, values, photos)) {
        issues.push({ field: spec.name, severity: 'error', message: 'With comparison_type=0 at least one reference photo is required: attach image_ref1 (or image_ref2).' });
      }
      continue;
    }
    const value = values[spec.name] ?? '';
    if (value === '') {
      if (isRequired(spec, values)) {
        const why = spec.required === 'with-comparison' ? ' with comparison_type=0' : '';
        issues.push({ field: spec.name, severity: 'error', message: `${spec.name} is required${why}.` });
      }
      continue;
    }
    checkValue(spec, value, values, issues);
  }
  if (photos.image_ref2 && !photos.image_ref1 && values.comparison_type === '0') {
    issues.push({
      field: 'image_ref2',
      severity: 'warning',
      message: 'image_ref2 is the only photo. The vendor asks for at least one of image_ref1/image_ref2; inferred: image_ref1 in particular may be expected, so put the main photo there to be safe.',
    });
  }
  return issues;
}

/** Whether any issue blocks sending. */
export const hasErrors = (issues: readonly FieldIssue[]): boolean => issues.some((i) => i.severity === 'error');
