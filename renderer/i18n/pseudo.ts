/**
 * A pseudo-locale for layout tests: every rendered message accented and about 40 % longer,
 * bracketed so a cut-off end shows. It is never in the language menu; the page turns it on only
 * under browser automation (navigator.webdriver) when a test has set the storage flag below.
 */
import type { PostProcessorModule } from 'i18next';

/** localStorage key a test sets ("1") before the page loads. */
export const PSEUDO_FLAG = 'faceid-console.pseudo-locale';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'áƀçðéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ'][i] ?? c,
  ]),
);

/** The pseudo form of a rendered message: accented letters, padding words for ~40 % more length, brackets. */
export function pseudoize(text: string): string {
  if (text === '') return text;
  const accented = [...text].map((c) => ACCENTED[c] ?? c).join('');
  const extra = Math.ceil(text.length * 0.4);
  let pad = '';
  while (pad.length < extra) pad += ' ẋẋẋ';
  return `⟦${accented}${pad}⟧`;
}

/** Whether this page was asked for the pseudo-locale by a test. */
export function pseudoRequested(): boolean {
  // Read through globalThis: this module is also unit-tested under Node, which has neither.
  const page = globalThis as { navigator?: { webdriver?: boolean }; localStorage?: { getItem(key: string): string | null } };
  try {
    return page.navigator?.webdriver === true && page.localStorage?.getItem(PSEUDO_FLAG) === '1';
  } catch {
    return false;
  }
}

/** The i18next post-processor that applies `pseudoize` to every message. */
export const pseudoProcessor: PostProcessorModule = {
  type: 'postProcessor',
  name: 'pseudo',
  process: (value: string) => pseudoize(value),
};
