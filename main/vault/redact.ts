/**
 * The one redaction used wherever text could be printed, stored or shown (handler answers,
 * history rows, logs, exports, copy-as-cURL): secret fields by name, and every known secret value
 * wherever it occurs — in any string and any object key, in each form a copy of it may take.
 */
export const REDACTED = '[redacted]';

const SECRET_FIELDS = new Set(['api_secret', 'apiSecret', 'secret']);

/**
 * Shorter values are not redacted: scrubbing a 1–3 character "secret" would blank out ordinary
 * words and numbers everywhere, and would not hide so short a secret anyway.
 */
export const MIN_SECRET_CHARS = 4;

/** Turns a text into the same text with every known secret replaced. */
export type Redactor = (text: string) => string;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The forms a secret takes when an upstream copies a request into its answer: as typed,
 * URL-encoded (a path or query, and a form body with `+` for spaces), escaped inside a JSON
 * string, and escaped in an HTML page.
 */
export function secretForms(secret: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    secret.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c),
  ];
  // Longest first, so a form that contains another is replaced whole.
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// One compiled pattern for the last secret set: the set changes only when a profile's secret does.
let cached: { key: string; pattern: RegExp | null } | undefined;

function patternOf(secrets: readonly string[]): RegExp | null {
  const key = secrets.join('\u0000');
  if (cached?.key === key) return cached.pattern;
  const forms = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_CHARS).flatMap(secretForms))].sort((a, b) => b.length - a.length);
  const pattern = forms.length === 0 ? null : new RegExp(forms.map(escapeRegExp).join('|'), 'g');
  cached = { key, pattern };
  return pattern;
}

/** Replaces every occurrence of each known secret (in each of its forms) in a text. */
export function redactText(text: string, secrets: readonly string[]): string {
  const pattern = patternOf(secrets);
  return pattern === null ? text : text.replace(pattern, REDACTED);
}

/** A redactor over a secret set read at each use, so a secret learnt later is covered too. */
export function redactorOf(secrets: () => readonly string[]): Redactor {
  return (text) => redactText(text, secrets());
}

/**
 * Deep copy with secret-named fields replaced and every string and object key passed through
 * the redactor. Byte arrays are left as they are (they are photos, not text).
 */
export function redactDeep<T>(value: T, redact: Redactor): T {
  const walk = (v: unknown, key?: string): unknown => {
    if (key !== undefined && SECRET_FIELDS.has(key) && v !== undefined && v !== null && v !== '') return REDACTED;
    if (typeof v === 'string') return redact(v);
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [redact(k), walk(x, k)]));
    }
    return v;
  };
  return walk(value) as T;
}

/** Deep copy with secret fields replaced and known secret values scrubbed from every string and key. */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  return redactDeep(value, (t) => redactText(t, secrets));
}

/** The secrets a request itself carries in secret-named fields (e.g. a profile's new secret). */
export function secretsIn(value: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    // A photo's bytes hold no secret field, and walking a 2 MB array entry by entry costs ~100 ms.
    if (depth > 8 || !v || typeof v !== 'object' || ArrayBuffer.isView(v)) return;
    for (const [k, x] of Object.entries(v)) {
      if (SECRET_FIELDS.has(k) && typeof x === 'string') found.push(x);
      else walk(x, depth + 1);
    }
  };
  walk(value, 0);
  return found;
}
