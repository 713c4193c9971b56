import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setRequestLocale } from '../api/client';
import type { Locale } from '../api/types';
import { resources } from './resources';

/** UI languages: Indonesian first (the default), English second. */
export const locales: readonly Locale[] = ['id', 'en'];
const STORAGE_KEY = 'difusi.locale';

/** The language before sign-in: the last one chosen on this browser, else Indonesian. */
export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export async function applyLocale(locale: Locale): Promise<void> {
  setRequestLocale(locale);
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = locale;
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

export function initI18n() {
  const lng = storedLocale();
  setRequestLocale(lng);
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources: { id: { translation: resources.id }, en: { translation: resources.en } },
    lng,
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
