import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setRequestLocale } from '../api/client';
import type { Locale } from '../api/types';

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
  await loadLanguage(locale);
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

/** Each language is its own chunk, fetched the first time it is used (the other never is). */
const bundles: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  id: () => import('./bundles/id'),
  en: () => import('./bundles/en'),
};

async function loadLanguage(locale: Locale): Promise<void> {
  if (i18next.hasResourceBundle(locale, 'translation')) return;
  const { default: strings } = await bundles[locale]();
  i18next.addResourceBundle(locale, 'translation', strings, true, true);
}

/** Starts i18next in the stored language; resolves once that language's strings are loaded. */
export async function initI18n() {
  const lng = storedLocale();
  setRequestLocale(lng);
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    resources: {},
    lng,
    // Both languages have every key (the translations test checks), so nothing falls back.
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    partialBundledLanguages: true,
  });
  await loadLanguage(lng);
  await i18next.changeLanguage(lng);
  return i18next;
}
