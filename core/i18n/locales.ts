/**
 * The console's languages: English, Bahasa Indonesia (branch staff) and Simplified Chinese (the
 * vendor's documentation language). Chosen by a setting; "auto" follows the OS or browser.
 */

export const LOCALES = ['en', 'id', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** The language setting: a locale, or "auto" for the OS/browser language. */
export const LANGUAGE_SETTINGS = ['auto', ...LOCALES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

/** Each language's name in itself, as a language menu shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', id: 'Bahasa Indonesia', zh: '简体中文' };

/** BCP 47 tags for Intl and the `lang` attribute. */
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en', id: 'id-ID', zh: 'zh-Hans-CN' };

/** Whether a value is one of the console's locales. */
export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/**
 * The first of the user's preferred language tags (navigator.languages, the OS locale) that the
 * console speaks; English otherwise. `in` is the old ISO code for Indonesian, still sent by some
 * systems; every Chinese tag maps to Simplified Chinese, the only Chinese we ship.
 */
export function matchLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (primary === 'id' || primary === 'in') return 'id';
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** The locale a setting stands for, given the user's preferred tags. */
export function resolveLocale(setting: LanguageSetting | undefined, preferred: readonly string[]): Locale {
  return setting && setting !== 'auto' ? setting : matchLocale(preferred);
}
