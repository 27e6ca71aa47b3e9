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
 *
 * The words — title, what it means, what to do next — are in the message table
 * core/faceid/messages/errors.ts (namespace `errors`, `codes.<CODE>.*`); an explained error carries
 * references to them, never sentences.
 */
import { msg, type MessageRef } from '../i18n/render';
import type { Confidence, FileParamName } from './catalogue';

export interface ErrorSpec {
  code: string;
  /** HTTP statuses the code is documented with. */
  http: readonly number[];
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
    retryable: false,
    origin: 'service',
    confidence: 'official',
    sources: ['SEED'],
    bodyKey: 'error',
  },
  {
    code: 'AUTHORIZATION_ERROR',
    http: [403],
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
    retryable: true,
    origin: 'service',
    confidence: 'official',
    sources: ['SEED'],
    bodyKey: 'error_message',
  },
  {
    code: 'API_NOT_FOUND',
    http: [404],
    retryable: false,
    origin: 'service',
    confidence: 'official',
    sources: ['SEED'],
    bodyKey: 'error',
  },
  {
    code: 'INTERNAL_ERROR',
    http: [500],
    retryable: true,
    origin: 'service',
    confidence: 'official',
    sources: ['SEED'],
    bodyKey: 'error_message',
  },
  {
    code: 'REQUEST_ENTITY_TOO_LARGE',
    http: [413],
    defaultField: 'image_ref1',
    retryable: false,
    origin: 'service',
    confidence: 'inferred',
    sources: ['T-DOC-RAW'],
  },
  {
    code: 'RESULT_NOT_FOUND',
    http: [400],
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
    retryable: false,
    origin: 'service',
    confidence: 'inferred',
    sources: ['T-DOC-RAW'],
    bodyKey: 'error_message',
  },
  {
    code: 'UNEXPECTED_RESPONSE',
    http: [],
    retryable: false,
    origin: 'console',
  },
  {
    code: 'UNKNOWN_SERVICE_ERROR',
    http: [],
    retryable: false,
    origin: 'console',
  },
  {
    code: 'NETWORK_ERROR',
    http: [],
    retryable: true,
    origin: 'console',
  },
  {
    code: 'TIMEOUT',
    http: [],
    retryable: false,
    origin: 'console',
  },
  {
    code: 'CONNECTION_LOST',
    http: [],
    retryable: false,
    origin: 'console',
  },
  {
    // A history row left pending by a console that stopped mid-call (main/history/store.ts).
    code: 'INTERRUPTED',
    http: [],
    retryable: false,
    origin: 'console',
  },
  {
    code: 'CANCELLED',
    http: [],
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
  title: MessageRef;
  /** What it means. */
  explanation: MessageRef;
  /** What this call adds: the reason given, the text received, how the transfer broke off. */
  context?: MessageRef[];
  /** What to do next, when there is something to do. */
  next?: MessageRef;
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

/** The title of a code (namespace `errors`). */
export function errorTitle(code: string): MessageRef {
  return msg('errors', `codes.${code}.title`);
}

/** The explanation and next step of a code, as the catalogue words them. */
function words(code: string): Pick<ExplainedError, 'title' | 'explanation' | 'next'> {
  return { title: errorTitle(code), explanation: msg('errors', `codes.${code}.explanation`), next: msg('errors', `codes.${code}.next`) };
}

/** An explained error's words in reading order: what it means, what the call adds, what to do. */
export function errorWords(e: Pick<ExplainedError, 'explanation' | 'context' | 'next'>): MessageRef[] {
  return [e.explanation, ...(e.context ?? []), ...(e.next ? [e.next] : [])];
}

/** Explains a service error message (`error_message` or `error`) received with an HTTP status. */
export function explainServiceMessage(message: string, httpStatus?: number, requestId?: string): ExplainedError {
  const { code, detail } = splitServiceMessage(message);
  const spec = errorSpec(code);
  if (!spec) {
    return {
      code: 'UNKNOWN_SERVICE_ERROR',
      serviceMessage: message,
      ...words('UNKNOWN_SERVICE_ERROR'),
      context: [
        httpStatus
          ? msg('errors', 'context.receivedWithStatus', { message, status: httpStatus })
          : msg('errors', 'context.received', { message }),
      ],
      retryable: false,
      httpStatus,
      requestId,
    };
  }
  const field = spec.suffix === 'param' && detail ? detail : spec.defaultField;
  return {
    code: spec.code,
    serviceMessage: message,
    detail,
    field,
    ...words(spec.code),
    ...(spec.suffix === 'reason' && detail ? { context: [msg('errors', 'context.reason', { reason: detail })] } : {}),
    retryable: spec.retryable,
    httpStatus,
    requestId,
  };
}

/** Explains a console-side error (transport, parsing) with what this call adds. */
export function explainConsoleError(code: ErrorCode, context?: MessageRef | readonly MessageRef[], httpStatus?: number): ExplainedError {
  const spec = byCode.get(code) as ErrorSpec;
  const extra = context === undefined ? [] : Array.isArray(context) ? [...(context as readonly MessageRef[])] : [context as MessageRef];
  return {
    code,
    ...words(code),
    ...(extra.length > 0 ? { context: extra } : {}),
    field: spec.defaultField,
    retryable: spec.retryable,
    httpStatus,
  };
}

/** The first bytes of an answer, quoted (JSON-escaped), for a context line. */
export function previewOf(body: string, max = PREVIEW_BYTES): string {
  return JSON.stringify(body.slice(0, max)) + (body.length > max ? '…' : '');
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
      typeof obj.error_message === 'string' && obj.error_message !== ''
        ? 'error_message'
        : typeof obj.error === 'string' && obj.error !== ''
          ? 'error'
          : undefined;
    const requestId = typeof obj.request_id === 'string' ? obj.request_id : undefined;
    if (receivedKey)
      return { kind: 'error', error: { ...explainServiceMessage(obj[receivedKey] as string, httpStatus, requestId), receivedKey } };
    if (httpStatus >= 200 && httpStatus < 300) return { kind: 'json', json: obj };
  }
  if (httpStatus === 413) {
    return { kind: 'error', error: { ...explainServiceMessage('REQUEST_ENTITY_TOO_LARGE', 413), serviceMessage: undefined } };
  }
  const context =
    bodyText.length === 0
      ? msg('errors', 'context.emptyBody', { status: httpStatus })
      : msg('errors', 'context.body', { status: httpStatus, preview: previewOf(bodyText) });
  return { kind: 'error', error: explainConsoleError('UNEXPECTED_RESPONSE', context, httpStatus) };
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
    return { ...e, field: only, explanation: msg('errors', `codes.${e.code}.onePhoto`, { photo: only }) };
  }
  return more.length > 0 ? { ...e, field: undefined } : e;
}

/** Where an error code comes from, for the error view: "our inference (sources: T-DOC-RAW)". */
export function errorProvenance(code: string): MessageRef | undefined {
  const spec = byCode.get(code);
  if (!spec?.confidence) return undefined;
  return msg('errors', `provenance.${spec.confidence}`, { sources: (spec.sources ?? []).join(', ') });
}
