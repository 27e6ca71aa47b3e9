/**
 * What the trusted side says to a person: a message *reference* — a namespace, a key in that
 * namespace's table and the values for its placeholders — never a sentence. The renderer shows it
 * with i18next (`t(`${ns}:${key}`, params)`); the CLI and other Node code render it here, with the
 * same ICU tables, in any locale (English by default). History stores references, not prose, so an
 * old row reads in the language chosen today.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALE_TAGS, type Locale } from './locales';
import { messageAt, type MessageBundle, type MessageTree } from './messages';

/** A placeholder's value: text, a number (plural/number formats), or nothing. */
export type MessageValue = string | number | boolean | null;

/** A sentence by reference: `ns:key` with its placeholder values. JSON-safe, so it crosses IPC and lands in SQLite. */
export interface MessageRef {
  readonly ns: string;
  readonly key: string;
  readonly params?: Readonly<Record<string, MessageValue>>;
}

/** Builds a reference (a small helper so call sites read as `msg('vault', 'nameTaken', { name })`). */
export function msg(ns: string, key: string, params?: Record<string, MessageValue>): MessageRef {
  return params ? { ns, key, params } : { ns, key };
}

/** Whether a value has the shape of a MessageRef (for reading stored JSON defensively). */
export function isMessageRef(v: unknown): v is MessageRef {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.ns === 'string' && typeof r.key === 'string' && (r.params === undefined || (typeof r.params === 'object' && r.params !== null))
  );
}

const compiled = new Map<string, IntlMessageFormat>();

/**
 * Renders a reference with the given bundles, in `locale`, falling back to English for a key a
 * locale lacks (the type check makes that impossible for our own tables) and to `ns:key` itself
 * for an unknown key, so a stale reference in an old history row still shows something findable.
 */
export function renderMessage(
  bundles: Readonly<Record<string, MessageBundle<MessageTree>>>,
  ref: MessageRef,
  locale: Locale = 'en',
): string {
  const bundle = bundles[ref.ns];
  const text = bundle ? (messageAt(bundle[locale] as MessageTree, ref.key) ?? messageAt(bundle.en, ref.key)) : undefined;
  if (text === undefined) return `${ref.ns}:${ref.key}`;
  const cacheKey = `${locale}\u0000${ref.ns}\u0000${ref.key}`;
  let f = compiled.get(cacheKey);
  if (!f) {
    f = new IntlMessageFormat(text, LOCALE_TAGS[locale]);
    compiled.set(cacheKey, f);
  }
  const params = Object.fromEntries(
    Object.entries(ref.params ?? {}).map(([k, v]) => [k, v === null ? '' : typeof v === 'boolean' ? String(v) : v]),
  );
  return String(f.format(params));
}
