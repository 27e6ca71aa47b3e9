/**
 * The words of one customer page in one language: the `sandbox-page` table rendered with
 * core/i18n/render.ts, escaped for HTML, with the locale's lists and dates.
 *
 * Which language: the token's `language` (core/i18n/customer-locale.ts: `"0"` English, `"1"`
 * Chinese, `"2"` Indonesian; Thai `"3"` and codes we do not ship fall back to English). A page
 * for a token the sandbox does not know has no `language` to read, so it follows the browser's
 * Accept-Language among the same three, English otherwise.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { customerLocale } from '../../core/i18n/customer-locale';
import { formatDateTime } from '../../core/i18n/format';
import { LOCALE_TAGS, matchLocale, type Locale } from '../../core/i18n/locales';
import { msg, renderMessage, type MessageValue } from '../../core/i18n/render';
import { escapeHtml } from './html';
import { SANDBOX_PAGE_NS, sandboxPageMessages } from './page-messages';
import type { IssuedToken } from './tokens';

const BUNDLES = { [SANDBOX_PAGE_NS]: sandboxPageMessages };

type Params = Record<string, MessageValue>;

export interface PageText {
  readonly locale: Locale;
  /** The `<html lang>` value. */
  readonly lang: string;
  /** A message as plain text (not escaped). */
  text(key: string, params?: Params): string;
  /** A message as HTML: escaped, with each `markup` placeholder replaced by trusted markup. */
  html(key: string, params?: Params, markup?: Record<string, string>): string;
  /** "a and b" in the locale. */
  and(items: readonly string[]): string;
  /** A Unix time as a date and time in UTC, zone named (the sandbox does not know the customer's zone). */
  when(unixSeconds: number): string;
}

/** The page words in `locale`. */
export function pageText(locale: Locale): PageText {
  const text = (key: string, params?: Params) => renderMessage(BUNDLES, msg(SANDBOX_PAGE_NS, key, params), locale);
  const list = new Intl.ListFormat(LOCALE_TAGS[locale], { type: 'conjunction' });
  return {
    locale,
    lang: LOCALE_TAGS[locale],
    text,
    html(key, params = {}, markup = {}) {
      // Markup goes in as inert marks, so escaping the sentence cannot touch it, then replaces them.
      // A value cannot forge a mark: the two mark characters are dropped from every value first.
      const marks = Object.keys(markup);
      const values = Object.fromEntries(
        Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/[\uE000\uE001]/g, '') : v]),
      );
      const withMarks = { ...values, ...Object.fromEntries(marks.map((m, i) => [m, `\uE000${i}\uE001`])) };
      return escapeHtml(text(key, withMarks)).replace(/\uE000(\d+)\uE001/g, (_, i: string) => markup[marks[Number(i)] ?? ''] ?? '');
    },
    and: (items) => list.format(items),
    when: (unixSeconds) => formatDateTime(unixSeconds * 1000, locale, { timeZone: 'UTC', withZone: true }),
  };
}

/** The words for a token's pages: its `language`. */
export const tokenText = (token: IssuedToken): PageText => pageText(customerLocale(token.params.language));

/** The words for a page with no token to read: the browser's preferred language, if we ship it. */
export function browserText(headers: IncomingHttpHeaders): PageText {
  const header = typeof headers['accept-language'] === 'string' ? headers['accept-language'].slice(0, 512) : '';
  const tags = header
    .split(',')
    .map((part) => part.split(';')[0]?.trim() ?? '')
    .filter((tag) => tag !== '' && tag !== '*');
  return pageText(matchLocale(tags));
}
