import { useTranslation } from 'react-i18next';
import { LANGUAGE_SETTINGS, LOCALE_NAMES, matchLocale } from '../../core/i18n/locales';
import { browserLanguages } from '../i18n/i18n';
import { useLanguage } from '../i18n/language-store';

/** The language menu in the header; each language is named in itself. */
export function LanguageMenu() {
  const { t } = useTranslation('app');
  const setting = useLanguage((s) => s.setting);
  const choose = useLanguage((s) => s.choose);
  const system = LOCALE_NAMES[matchLocale(browserLanguages())];
  return (
    <label className="language-menu">
      <span className="visually-hidden">{t('language.label')}</span>
      <select value={setting} onChange={(e) => void choose(e.target.value as (typeof LANGUAGE_SETTINGS)[number])}>
        {LANGUAGE_SETTINGS.map((s) => (
          <option key={s} value={s} lang={s === 'auto' ? undefined : s}>
            {s === 'auto' ? t('language.auto', { name: system }) : LOCALE_NAMES[s]}
          </option>
        ))}
      </select>
    </label>
  );
}
