/**
 * The operator's language choice: read from the trusted side's settings at start, applied at once
 * when changed (no restart) and saved, so the next launch opens in the same language.
 */
import { create } from 'zustand';
import type { LanguageSetting, Locale } from '../../core/i18n/locales';
import { api } from '../bridge';
import { applyLanguage, currentLocale } from './i18n';
import { errorText } from './error-text';

interface LanguageState {
  setting: LanguageSetting;
  locale: Locale;
  /** Why the last save failed, if it did (the language still changed for this session). */
  saveError?: string;
  load(): Promise<void>;
  choose(setting: LanguageSetting): Promise<void>;
}

export const useLanguage = create<LanguageState>()((set) => ({
  setting: 'auto',
  locale: currentLocale(),
  async load() {
    const r = await api.getSettings({});
    const setting = r.ok ? r.value.language : 'auto';
    set({ setting, locale: applyLanguage(setting) });
  },
  async choose(setting) {
    set({ setting, locale: applyLanguage(setting), saveError: undefined });
    const r = await api.updateSettings({ settings: { language: setting } });
    if (!r.ok) set({ saveError: errorText(r.error) });
  },
}));
