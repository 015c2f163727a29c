import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Names countries (ISO 3166 codes) in `language`; the code itself where the browser cannot. */
export function countryNamer(language: string): (code: string) => string {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([language], { type: 'region' });
  } catch {
    names = null;
  }
  return (code) => {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
}

/** A country namer in the interface language. */
export function useCountryName(): (code: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => countryNamer(language), [language]);
}
