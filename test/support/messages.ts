/**
 * Checks a message bundle the way the build cannot: every ICU message parses in its locale, and
 * a translation uses the same placeholders as the English message (a renamed `{count}` would
 * otherwise print literally).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { errorWords, type ExplainedError } from '../../core/faceid/errors';
import { faceidParagraph } from '../../core/faceid/messages';
import { LOCALES, LOCALE_TAGS, type Locale } from '../../core/i18n/locales';
import type { MessageRef } from '../../core/i18n/render';
import { messageAt, messageKeys, type MessageBundle, type MessageTree } from '../../core/i18n/messages';

interface AstNode {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}

function argumentNames(nodes: readonly AstNode[], into = new Set<string>()): Set<string> {
  for (const n of nodes) {
    // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural: `value` is the argument's name.
    if (n.type >= 1 && n.type <= 6 && typeof n.value === 'string') into.add(n.value);
    for (const o of Object.values(n.options ?? {})) argumentNames(o.value, into);
    if (n.children) argumentNames(n.children, into);
  }
  return into;
}

/** Every problem in a bundle: missing or extra keys, unparsable messages, placeholder mismatches. */
export function bundleProblems(name: string, bundle: MessageBundle<MessageTree>): string[] {
  const problems: string[] = [];
  const enKeys = messageKeys(bundle.en);
  for (const locale of LOCALES) {
    const tree = bundle[locale] as MessageTree;
    const keys = messageKeys(tree);
    for (const k of enKeys) if (!keys.includes(k)) problems.push(`${name}: ${locale} lacks ${k}`);
    for (const k of keys) if (!enKeys.includes(k)) problems.push(`${name}: ${locale} has extra ${k}`);
    for (const k of keys) {
      const text = messageAt(tree, k) ?? '';
      let names: Set<string>;
      try {
        names = argumentNames(new IntlMessageFormat(text, LOCALE_TAGS[locale]).getAst() as AstNode[]);
      } catch (e) {
        problems.push(`${name}: ${locale} ${k} is not a valid ICU message (${e instanceof Error ? e.message : String(e)})`);
        continue;
      }
      const en = messageAt(bundle.en, k);
      if (en === undefined || locale === 'en') continue;
      const enNames = argumentNames(new IntlMessageFormat(en, 'en').getAst() as AstNode[]);
      const a = [...names].sort().join(',');
      const b = [...enNames].sort().join(',');
      if (a !== b) problems.push(`${name}: ${locale} ${k} uses {${a}} where English uses {${b}}`);
    }
  }
  return problems;
}

/** What the operator reads for an explained error, in English: explanation, what the call adds, next step. */
export function saidInEnglish(e: Pick<ExplainedError, 'explanation' | 'context' | 'next'>): string {
  return faceidParagraph(errorWords(e));
}

/**
 * What the operator reads for a failure from the trusted side, in `locale`: its words rendered
 * (the `message` itself holds only the code). A test asserts the code and the reference, and
 * reads the sentence through this when it checks what a value in it says.
 */
export function errorSaid(error: { code: string; message: string; words?: readonly MessageRef[] }, locale: Locale = 'en'): string {
  return error.words && error.words.length > 0 ? faceidParagraph(error.words, locale) : error.message;
}
