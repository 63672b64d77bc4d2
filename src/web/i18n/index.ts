import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { translations } from './resources';

export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'quartier.language';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(storageKey);
    if (value && (languages as readonly string[]).includes(value)) return value as Language;
  } catch {
    // storage may be blocked (private mode); German is the default
  }
  return 'de';
}

export function currentLanguage(): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return (languages as readonly string[]).includes(lng) ? (lng as Language) : 'de';
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(storageKey, lng);
  } catch {
    // ignore: the choice then lasts for this page only
  }
});

void i18n.use(initReactI18next).init({
  resources: { de: { translation: translations.de }, en: { translation: translations.en } },
  lng: storedLanguage(),
  fallbackLng: 'de',
  supportedLngs: languages,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = currentLanguage();

export default i18n;
