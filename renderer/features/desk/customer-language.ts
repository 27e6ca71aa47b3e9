/** The customer's language: the token's `language` parameter (the liveness page's), as a console locale. */
import type { Locale } from '../../../core/i18n/locales';

/**
 * get_token's `language` → the locale of the customer-facing view: 0 English (the service default),
 * 1 Chinese, 2 Indonesian; Thai (3) and unknown values fall back to English, which the console
 * speaks and the page offers.
 */
export function customerLocale(language: string | undefined): Locale {
  if (language === '1') return 'zh';
  if (language === '2') return 'id';
  return 'en';
}
