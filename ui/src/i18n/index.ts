// The one i18n library of the SPA (i18next with react-i18next). English is in the bundle; French and Spanish are
// chunks loaded when chosen. The language is the profile's `locale` once signed in, the browser's before.
import i18next from 'i18next';
import { initReactI18next, Trans, useTranslation } from 'react-i18next';
import en, { type Translation } from './en';

export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<{ default: Translation }>> = {
  fr: () => import('./fr'),
  es: () => import('./es'),
};

/** The supported language of a BCP-47 tag (fr-CA → fr), or null. */
export function languageOf(tag: string | null | undefined): Language | null {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : null;
}

/** The first of the browser's preferred languages the app speaks; English otherwise. */
export function browserLanguage(preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]): Language {
  for (const tag of preferred) {
    const language = languageOf(tag);
    if (language) return language;
  }
  return 'en';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  // Languages are loaded before they are switched to (setLanguage): nothing ever waits, so nothing suspends.
  react: { useSuspense: false },
});

let wanted: Language = 'en';

/**
 * Switches the UI to `tag`'s language (English when unsupported), loading its strings first; the page's `lang`
 * follows. The last call wins when an earlier one is still loading.
 */
export async function setLanguage(tag: string | null | undefined): Promise<void> {
  const language = languageOf(tag) ?? 'en';
  wanted = language;
  if (language !== 'en' && !i18n.hasResourceBundle(language, 'translation')) {
    try {
      const resources = await LOADERS[language]();
      i18n.addResourceBundle(language, 'translation', resources.default, true, true);
    } catch {
      // Offline while the chunk was fetched: stay in the current language; the next change tries again.
      return;
    }
  }
  if (wanted !== language) return;
  await i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** The current language, for Intl formatting (dates, times, lists, plurals). */
export function useLocale(): Language {
  const { i18n: current } = useTranslation();
  return (languageOf(current.language) ?? 'en');
}

export { Trans, useTranslation };
