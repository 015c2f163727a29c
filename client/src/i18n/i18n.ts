import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DOCUMENT_NAMESPACE, localeBackend } from './localeBackend';
import { LANGUAGES, type LanguageCode } from './LANGUAGES';

export const LANGUAGE_STORAGE_KEY = 'accord:language';

function isLanguage(value: string | null | undefined): value is LanguageCode {
  return !!value && LANGUAGES.some((language) => language.code === value);
}

/** The user's explicit choice, else the browser's first supported language, else English. */
function initialLanguage(): LanguageCode {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // storage can be disabled; the browser language still applies
  }
  if (isLanguage(stored)) return stored;
  for (const tag of window.navigator.languages ?? [window.navigator.language]) {
    const primary = tag.split('-')[0]?.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

// Only the visitor's language is downloaded (one chunk per language, loaded while the session is
// asked for): four languages cost about 20 KB more per first visit. Every language has every
// string (locales.test.ts), so there is no fallback language to download too.
/** Resolves once the interface language's strings are loaded; render after it. */
export const i18nReady = i18next
  .use(localeBackend)
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    fallbackLng: false,
    supportedLngs: LANGUAGES.map((language) => language.code),
    load: 'languageOnly',
    ns: ['translation'],
    defaultNS: 'translation',
    // the document page's strings (loaded with it, see loadDocumentStrings)
    fallbackNS: DOCUMENT_NAMESPACE,
    interpolation: { escapeValue: false },
    // components render again when strings are loaded (a language, the document page's strings)
    react: { useSuspense: false, bindI18nStore: 'added' },
  });

// the Portuguese strings are Brazilian Portuguese (issue 12): say so to screen readers and spell checkers
const HTML_LANG: Readonly<Record<string, string>> = { pt: 'pt-BR' };
const syncHtmlLang = (language: string) => {
  document.documentElement.lang = HTML_LANG[language] ?? language;
};
syncHtmlLang(i18next.language);
i18next.on('languageChanged', syncHtmlLang);

/** Whether the document page has asked for its strings (i18next then lists their namespace). */
const documentStringsWanted = () =>
  ([] as string[]).concat(i18next.options.ns ?? []).includes(DOCUMENT_NAMESPACE);

// i18next reloads the namespaces it knows on a change of language, but a change begun before the
// document page first asked for its strings (the account's language, applied while the page
// loads) loads only the others: once the page has asked, every change is followed by a load of
// what is missing, and components render again when strings arrive (`bindI18nStore: 'added'`)
i18next.on('languageChanged', () => {
  if (documentStringsWanted()) void i18next.loadNamespaces(DOCUMENT_NAMESPACE);
});

/** Loads the document page's strings in the interface language (and then in every language chosen). */
export function loadDocumentStrings(): Promise<void> {
  return i18next.loadNamespaces(DOCUMENT_NAMESPACE);
}

export { i18next, isLanguage };
