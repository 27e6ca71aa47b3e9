/**
 * The one redaction used wherever a request could be printed or stored (history, logs, errors,
 * exports, copy-as-cURL): secret fields by name, and every known secret value wherever it occurs.
 */
export const REDACTED = '[redacted]';

const SECRET_FIELDS = new Set(['api_secret', 'apiSecret', 'secret']);

/** Replaces every occurrence of each known secret in a text. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(REDACTED);
  return out;
}

/** Deep copy with secret fields replaced and known secret values scrubbed from every string. */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  const walk = (v: unknown, key?: string): unknown => {
    if (key !== undefined && SECRET_FIELDS.has(key) && v !== undefined && v !== null && v !== '') return REDACTED;
    if (typeof v === 'string') return redactText(v, secrets);
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    }
    return v;
  };
  return walk(value) as T;
}
