/**
 * The customer's language: get_token's `language` parameter (faceid-api.md §2.1), which sets the
 * liveness page's prompts, read as one of the console's locales. Used by the sandbox's customer
 * pages and by the desk's customer-facing view, so both speak the same language for one token.
 */
import type { Locale } from './locales';

/**
 * The vendor's codes we ship a translation for: `"0"` English (the service default) and `"1"`
 * Chinese are official; `"2"` Indonesian comes from third-party code only. `"3"` (Thai, also
 * third-party) and any other code fall back to English: we ship no Thai table.
 */
export const CUSTOMER_LANGUAGES: Readonly<Record<string, Locale>> = { '0': 'en', '1': 'zh', '2': 'id' };

/** get_token `language` → locale; absent, Thai or unknown → English. */
export function customerLocale(language: string | undefined): Locale {
  return (language !== undefined && Object.hasOwn(CUSTOMER_LANGUAGES, language) ? CUSTOMER_LANGUAGES[language] : undefined) ?? 'en';
}
