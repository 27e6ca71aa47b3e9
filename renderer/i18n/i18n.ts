/**
 * The renderer's message layer: i18next with ICU messages (i18next-icu), bound to React with
 * react-i18next. Tables come from NAMESPACES; the language from the operator's setting, or the
 * browser's languages when it is "auto". Changing the language re-renders without a restart.
 */
import i18next, { type Resource } from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { LOCALES, LOCALE_TAGS, resolveLocale, type LanguageSetting, type Locale } from '../../core/i18n/locales';
import { NAMESPACES, type Namespace } from './namespaces';
import { pseudoProcessor, pseudoRequested } from './pseudo';

function resources(): Resource {
  const out: Resource = {};
  for (const locale of LOCALES) {
    out[locale] = Object.fromEntries((Object.keys(NAMESPACES) as Namespace[]).map((ns) => [ns, NAMESPACES[ns][locale]]));
  }
  return out;
}

/** The browser's preferred languages, most preferred first. */
export function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

export const i18n = i18next.createInstance();

// Layout tests only: long accented messages (see pseudo.ts; never offered to operators).
const pseudo = pseudoRequested();
if (pseudo) i18n.use(pseudoProcessor);

void i18n
  .use(ICU)
  .use(initReactI18next)
  .init({
    ...(pseudo ? { postProcess: ['pseudo'] } : {}),
    resources: resources(),
    lng: resolveLocale('auto', browserLanguages()),
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    ns: Object.keys(NAMESPACES),
    defaultNS: 'app',
    // React escapes what it renders; messages are text, never HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });

/** The locale now shown. */
export function currentLocale(): Locale {
  return (i18n.language as Locale) ?? 'en';
}

/** Shows the console in the locale a setting stands for, and tells assistive technology. */
export function applyLanguage(setting: LanguageSetting): Locale {
  const locale = resolveLocale(setting, browserLanguages());
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = LOCALE_TAGS[locale];
  return locale;
}
