/**
 * The error catalogue: every error faceid-api.md documents for get_token (§2.6) and get_result
 * (§5.5), plus the console's own transport errors, each with an operator-facing explanation and,
 * where there is one, the form field it points at.
 *
 * The seed's error table names the key each code comes under: `error` for AUTHENTICATION_ERROR,
 * AUTHORIZATION_ERROR and API_NOT_FOUND, `error_message` for the others (`bodyKey`). A reader
 * accepts either key for every code, since a gateway or a newer service version may differ.
 * Codes may carry a parameter after a colon, with or without a space (the seed writes both):
 * `BAD_ARGUMENTS: biz_no`, `BAD_ARGUMENTS:biz_no`.
 *
 * Each service code carries its provenance like a catalogue parameter (confidence + faceid-api.md
 * source tags), so the error view can say whether the vendor documents it or we inferred it.
 */
import { CONFIDENCE_LABEL, type Confidence, type FileParamName } from './catalogue';

export interface ErrorSpec {
  code: string;
  /** HTTP statuses the code is documented with. */
  http: readonly number[];
  title: string;
  /** What it means and what to do, in plain words. */
  explanation: string;
  /** `<key>`: the suffix names a parameter (the field to highlight); `<reason>`: free text. */
  suffix?: 'param' | 'reason';
  /** Field to highlight when the suffix does not name one. */
  defaultField?: string;
  /** Retrying the same call (with a new biz_no) may succeed. */
  retryable: boolean;
  /** Where the code comes from: the service, or the console itself (transport, parsing). */
  origin: 'service' | 'console';
  /**
   * The JSON key the service sends the code under (the seed's 错误字段名称 column): `error` for
   * AUTHENTICATION_ERROR, AUTHORIZATION_ERROR and API_NOT_FOUND, `error_message` for the rest.
   * Absent for answers that are not JSON (413) and for the console's own codes.
   */
  bodyKey?: ServiceBodyKey;
  /** How sure we are the service answers with this code (service codes only). */
  confidence?: Confidence;
  /** faceid-api.md source tags (service codes only). */
  sources?: readonly string[];
  /** The `<reason>` texts the vendor documents, for codes with a reason suffix. */
  reasons?: readonly string[];
}

/** The two keys an error code can arrive under (faceid-api.md §2.6). */
export type ServiceBodyKey = 'error' | 'error_message';

export const ERRORS = [
  {
    code: 'MISSING_ARGUMENTS',
    http: [400],
    title: 'A required parameter is missing',
    explanation: 'The service did not receive a parameter it needs. Fill in the highlighted field.',
    suffix: 'param',
    retryable: false,
    origin: 'service',
    confidence: 'official',
    sources: ['SEED'],
    bodyKey: 'error_message',
  },
  {
    code: 'BAD_ARGUMENTS',
    http: [400],
    title: 'A parameter has a value the service refuses',
    explanation:
      'The value could not be parsed, is too long, or is not one the service allows (for example an unknown scene_id or procedure_type). Correct the highlighted field.',
    suffix: 'param',
    retryable: false,
    origin: 'service',
    confidence: 'official',
    sources: ['SEED', 'O-GT-CN'],
    bodyKey: 'error_message',
  },
  {
    code: 'IMAGE_ERROR_UNSUPPORTED_FORMAT',
    http: [400],
    title: 'A reference photo cannot be decoded',
    explanation: 'The file is not an image the service can read, or it is damaged. Use a complete JPEG.',
    suffix: 'param',
    defaultField: 'image_ref1',
    retryable: false,
    origin: 'service',
    confidence: 'official',
    sources: ['SEED'],
    bodyKey: 'error_message',
  },
  {
    code: 'NO_FACE_FOUND',
    http: [400],
    title: 'No face in a reference photo',
    explanation:
      'The service found no face in either reference photo (it does not say which). Use clear, front-facing photos; for a sideways photo, try multi_oriented_detection=1.',
    suffix: 'param',
    defaultField: 'image_ref1',
    retryable: false,
    origin: 'service',
    confidence: 'official',
    sources: ['SEED'],
    bodyKey: 'error_message',
  },
  {
    code: 'MULTIPLE_FACES',
    http: [400],
    title: 'Several faces in a reference photo',
    explanation:
      'Either reference photo shows more than one face (the service does not say which). Crop it to the customer, or send fail_when_ref_multiple_faces=0 to use the largest face.',
    suffix: 'param',
    defaultField: 'image_ref1',
    retryable: false,
    origin: 'service',
    confidence: 'official',
    sources: ['SEED'],
    bodyKey: 'error_message',
  },
  {
    code: 'INVALID_IMAGE_SIZE',
    http: [400],
    title: 'A reference photo is too large in pixels',
    explanation: 'A side of the photo is over 4096 pixels. Downscale it and try again.',
    suffix: 'param',
    defaultField: 'image_ref1',
    retryable: false,
    origin: 'service',
    confidence: 'inferred',
    sources: ['T-DOC-RAW'],
    bodyKey: 'error_message',
  },
  {
    code: 'AUTHENTICATION_ERROR',
    http: [403],
    title: 'The API key and secret do not match',
    explanation:
      "The service did not accept the profile's api_key/api_secret. Check the profile's credentials and region.",
    retryable: false,
    origin: 'service',
    confidence: 'official',
    sources: ['SEED'],
    bodyKey: 'error',
  },
  {
    code: 'AUTHORIZATION_ERROR',
    http: [403],
    title: 'This key may not do this',
    explanation:
      'The key is disabled, out of quota, or has no permission for this API or mode. The reason from the service is shown; ask your FaceID account manager.',
    suffix: 'reason',
    reasons: ['Denied.', 'No data source permission.'],
    retryable: false,
    origin: 'service',
    confidence: 'official',
    sources: ['SEED', 'T-DOC-GR', 'O-RAW-GT'],
    bodyKey: 'error',
  },
  {
    code: 'CONCURRENCY_LIMIT_EXCEEDED',
    http: [403],
    title: 'Too many calls at once',
    explanation: 'The account reached its concurrency limit. Wait a moment and issue again with a new biz_no.',
    retryable: true,
    origin: 'service',
    confidence: 'official',
    sources: ['SEED'],
    bodyKey: 'error_message',
  },
  {
    code: 'API_NOT_FOUND',
    http: [404],
    title: 'Wrong API address',
    explanation: "The service does not know this path. Check the profile's base URL and region.",
    retryable: false,
    origin: 'service',
    confidence: 'official',
    sources: ['SEED'],
    bodyKey: 'error',
  },
  {
    code: 'INTERNAL_ERROR',
    http: [500],
    title: 'The service failed internally',
    explanation: 'Retry with a new biz_no; if it persists, contact FaceID support with the request_id.',
    retryable: true,
    origin: 'service',
    confidence: 'official',
    sources: ['SEED'],
    bodyKey: 'error_message',
  },
  {
    code: 'REQUEST_ENTITY_TOO_LARGE',
    http: [413],
    title: 'The upload is too large',
    explanation: 'The request was refused for its size (the limit is believed to be 2 MB). Downscale the reference photos.',
    defaultField: 'image_ref1',
    retryable: false,
    origin: 'service',
    confidence: 'inferred',
    sources: ['T-DOC-RAW'],
  },
  {
    code: 'RESULT_NOT_FOUND',
    http: [400],
    title: 'No result for this biz_id',
    explanation: 'The service has no verification with this biz_id (wrong id, other account, or not finished).',
    defaultField: 'biz_id',
    retryable: false,
    origin: 'service',
    confidence: 'china',
    sources: ['T-DOC-GR', 'T-DOC-PC'],
    bodyKey: 'error_message',
  },
  {
    // faceid-api.md §5.5: the 4th fetch and a fetch after the one-day retention fail with a code
    // Megvii does not name; DATA_DESTROYED (403) is the only name seen for it (a rebranded product).
    code: 'DATA_DESTROYED',
    http: [403],
    title: 'The result is no longer available',
    explanation:
      'The service keeps a verification result for one day after the flow ends and answers get_result for it at most three times; this result was already fetched three times or is older than a day. Use the copy the console stored, or the callback data.',
    defaultField: 'biz_id',
    retryable: false,
    origin: 'service',
    confidence: 'third-party',
    sources: ['T-FINAUTH-GO'],
    bodyKey: 'error_message',
  },
  {
    // faceid-api.md §6: documented for the Raw APIs; the sandbox's liveness page uses it for a
    // Lite token that is unknown, already used or expired (the Lite page's answer is undocumented).
    code: 'INVALID_TOKEN',
    http: [400],
    title: 'The liveness link is not valid',
    explanation:
      'The token in the liveness link is unknown, was already used, or has expired. A token works once and only until its expired_time: issue a new token (with a new biz_no) and give the customer the new link.',
    retryable: false,
    origin: 'service',
    confidence: 'inferred',
    sources: ['T-DOC-RAW'],
    bodyKey: 'error_message',
  },
  {
    code: 'UNEXPECTED_RESPONSE',
    http: [],
    title: 'The answer is not what the service sends',
    explanation:
      'The reply was not the JSON the service answers with, for example an HTML page from a proxy. The status and the first bytes are quoted; the call may or may not have been processed.',
    retryable: false,
    origin: 'console',
  },
  {
    code: 'UNKNOWN_SERVICE_ERROR',
    http: [],
    title: 'An error the console does not know',
    explanation: 'The service answered with an error code that is not in its documentation. It is quoted as received.',
    retryable: false,
    origin: 'console',
  },
  {
    code: 'NETWORK_ERROR',
    http: [],
    title: 'The service could not be reached',
    explanation: 'No connection could be made (address, DNS, TLS or firewall). Nothing was sent.',
    retryable: true,
    origin: 'console',
  },
  {
    code: 'TIMEOUT',
    http: [],
    title: 'No answer in time',
    explanation:
      'The request was sent but no answer came back in time. A token may have been issued: do not reuse this biz_no; look the call up later.',
    retryable: false,
    origin: 'console',
  },
  {
    code: 'CONNECTION_LOST',
    http: [],
    title: 'The connection broke during the call',
    explanation:
      'The connection was closed before the answer was complete. A token may have been issued: do not reuse this biz_no.',
    retryable: false,
    origin: 'console',
  },
  {
    code: 'CANCELLED',
    http: [],
    title: 'Cancelled',
    explanation: 'You cancelled the call. If it had already been sent, a token may have been issued.',
    retryable: false,
    origin: 'console',
  },
] as const satisfies readonly ErrorSpec[];

export type ErrorCode = (typeof ERRORS)[number]['code'];

const byCode = new Map<string, ErrorSpec>(ERRORS.map((e) => [e.code, e]));

/** The key the service sends `code` under; `error_message` for codes the catalogue does not know. */
export function errorBodyKey(code: string): ServiceBodyKey {
  return byCode.get(code)?.bodyKey ?? 'error_message';
}

/** The catalogue entry for an error code, if the console knows it. */
export function errorSpec(code: string): ErrorSpec | undefined {
  return byCode.get(code);
}

/** An error as the operator sees it: catalogued code, the field it points at, plain words. */
export interface ExplainedError {
  /** The code as catalogued, or UNKNOWN_SERVICE_ERROR. */
  code: string;
  /** The exact `error_message` (or `error`) as the service sent it, when there was one. */
  serviceMessage?: string;
  /** Parameter or reason after the colon. */
  detail?: string;
  field?: string;
  title: string;
  explanation: string;
  retryable: boolean;
  httpStatus?: number;
  requestId?: string;
  /** The JSON key the code arrived under, when it came in a JSON body. */
  receivedKey?: ServiceBodyKey;
}

/** Splits `CODE: detail` / `CODE:detail` into its parts. */
export function splitServiceMessage(message: string): { code: string; detail?: string } {
  const at = message.indexOf(':');
  if (at < 0) return { code: message.trim() };
  const detail = message.slice(at + 1).trim();
  return { code: message.slice(0, at).trim(), detail: detail === '' ? undefined : detail };
}

/** Explains a service error message (`error_message` or `error`) received with an HTTP status. */
export function explainServiceMessage(
  message: string,
  httpStatus?: number,
  requestId?: string,
): ExplainedError {
  const { code, detail } = splitServiceMessage(message);
  const spec = errorSpec(code);
  if (!spec) {
    const unknown = byCode.get('UNKNOWN_SERVICE_ERROR') as ErrorSpec;
    return {
      code: unknown.code,
      serviceMessage: message,
      title: unknown.title,
      explanation: `${unknown.explanation} Received: “${message}”${httpStatus ? ` (HTTP ${httpStatus})` : ''}.`,
      retryable: false,
      httpStatus,
      requestId,
    };
  }
  const field = spec.suffix === 'param' && detail ? detail : spec.defaultField;
  const explanation =
    spec.suffix === 'reason' && detail ? `${spec.explanation} Reason given: “${detail}”.` : spec.explanation;
  return {
    code: spec.code,
    serviceMessage: message,
    detail,
    field,
    title: spec.title,
    explanation,
    retryable: spec.retryable,
    httpStatus,
    requestId,
  };
}

/** Explains a console-side error (transport, parsing) with extra context appended. */
export function explainConsoleError(code: ErrorCode, context?: string, httpStatus?: number): ExplainedError {
  const spec = byCode.get(code) as ErrorSpec;
  return {
    code,
    title: spec.title,
    explanation: context ? `${spec.explanation} ${context}` : spec.explanation,
    field: spec.defaultField,
    retryable: spec.retryable,
    httpStatus,
  };
}

const PREVIEW_BYTES = 120;

/**
 * Reads a service reply body. JSON with `error_message`/`error` → a catalogued error; JSON
 * without either on a 2xx → `{ kind: 'json' }`; anything else (HTML from a proxy, empty,
 * truncated JSON) → UNEXPECTED_RESPONSE quoting the status and the first bytes.
 */
export function readServiceBody(
  httpStatus: number,
  bodyText: string,
): { kind: 'json'; json: Record<string, unknown> } | { kind: 'error'; error: ExplainedError } {
  let json: unknown;
  try {
    json = bodyText.trim() === '' ? undefined : JSON.parse(bodyText);
  } catch {
    json = undefined;
  }
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const obj = json as Record<string, unknown>;
    const receivedKey: ServiceBodyKey | undefined =
      typeof obj.error_message === 'string' && obj.error_message !== '' ? 'error_message' : typeof obj.error === 'string' && obj.error !== '' ? 'error' : undefined;
    const requestId = typeof obj.request_id === 'string' ? obj.request_id : undefined;
    if (receivedKey) return { kind: 'error', error: { ...explainServiceMessage(obj[receivedKey] as string, httpStatus, requestId), receivedKey } };
    if (httpStatus >= 200 && httpStatus < 300) return { kind: 'json', json: obj };
  }
  if (httpStatus === 413) {
    return { kind: 'error', error: { ...explainServiceMessage('REQUEST_ENTITY_TOO_LARGE', 413), serviceMessage: undefined } };
  }
  const preview = bodyText.length === 0 ? '(empty body)' : JSON.stringify(bodyText.slice(0, PREVIEW_BYTES)) + (bodyText.length > PREVIEW_BYTES ? '…' : '');
  return { kind: 'error', error: explainConsoleError('UNEXPECTED_RESPONSE', `HTTP ${httpStatus}, body starts: ${preview}`, httpStatus) };
}

/** Codes whose message names no photo, so the request's photos decide whom to blame. */
const PHOTO_BLAME = new Set(['NO_FACE_FOUND', 'MULTIPLE_FACES']);

/**
 * Sharpens a face error to the photos the request carried: with one photo sent, it is that one;
 * with both, the seed's message does not say which, so no single field is blamed.
 */
export function explainForPhotos(e: ExplainedError, sent: readonly FileParamName[]): ExplainedError {
  if (!PHOTO_BLAME.has(e.code) || e.detail) return e;
  const [only, ...more] = sent;
  if (only && more.length === 0) {
    const which = e.code === 'NO_FACE_FOUND' ? `The service found no face in ${only}` : `${only} shows more than one face`;
    return { ...e, field: only, explanation: `${which} (the only reference photo sent). ${e.explanation.replace(/^[^.]*\.\s*/, '')}` };
  }
  return more.length > 0 ? { ...e, field: undefined } : e;
}

/** Where an error code comes from, for the error view: "our inference (sources: T-DOC-RAW)". */
export function errorProvenance(code: string): string | undefined {
  const spec = byCode.get(code);
  if (!spec?.confidence) return undefined;
  return `${CONFIDENCE_LABEL[spec.confidence]}${spec.sources?.length ? ` (sources: ${spec.sources.join(', ')})` : ''}`;
}
