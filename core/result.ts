import type { MessageRef } from './i18n/render';

/** Outcome of any console operation as it crosses a process boundary: data, never a thrown Error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A failure the console reports to the operator: a stable code, an optional field, plain words. */
export interface ApiError {
  code: string;
  message: string;
  field?: string;
  /** Per-field problems when the request itself was invalid (nothing was sent). */
  issues?: FieldIssue[];
  /** A machine-readable cause where the code has several (e.g. PHOTO_NOT_STAGED: evicted, dropped, unknown). */
  reason?: string;
  /** The values a code's words need (team errors: errno, sqlstate, server and known versions…). */
  params?: Record<string, string | number>;
  /**
   * The console's words for this error by reference (title first), shown in the operator's
   * language; `message` then holds only the code or the service's own text.
   */
  words?: MessageRef[];
}

/** One problem with one field, found before anything is sent; its words are a reference (namespace `validation`). */
export interface FieldIssue {
  field: string;
  severity: 'error' | 'warning';
  message: MessageRef;
}

/**
 * A failure in words by reference: `message` holds only the code (the renderer and the CLI show
 * `words` in the operator's language), so the trusted side never returns an English sentence.
 */
export const worded = (
  code: string,
  words: MessageRef | MessageRef[],
  rest: Omit<ApiError, 'code' | 'message' | 'words'> = {},
): ApiError => ({
  code,
  message: code,
  ...rest,
  words: Array.isArray(words) ? words : [words],
});

/** Wraps a value as a successful Result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wraps an error as a failed Result. */
export const fail = <T = never>(error: ApiError): Result<T> => ({ ok: false, error });
