/**
 * Message tables: every user-facing sentence lives in one table per namespace, written in English
 * and translated into every other locale with exactly the same keys. Messages use ICU syntax
 * (`{count, plural, one {# call} other {# calls}}`), rendered by i18next-icu in the renderer and by
 * intl-messageformat in Node. Parameter names, error codes and values are never translated.
 */
import type { Locale } from './locales';

/** A namespace's messages: nested objects whose leaves are ICU message strings. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree;
}

/** The same keys as `T`, every leaf a string: a translation can neither miss nor add a key. */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

/** One namespace in every locale. */
export type MessageBundle<T extends MessageTree> = { readonly en: T } & { readonly [L in Exclude<Locale, 'en'>]: Translation<T> };

/**
 * Declares a namespace. The English table gives the keys; the type of the other tables is derived
 * from it, so a missing or extra key in any translation fails the type check (and the build).
 */
export function defineMessages<T extends MessageTree>(
  bundle: { en: T } & { [L in Exclude<Locale, 'en'>]: NoInfer<Translation<T>> },
): MessageBundle<T> {
  return bundle;
}

/** Every key of a table as a dotted path, in order. */
export function messageKeys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : messageKeys(v, `${prefix}${k}.`)));
}

/** The message at a dotted path, if there is one. */
export function messageAt(tree: MessageTree, path: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}
