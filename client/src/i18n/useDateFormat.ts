import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Dates in the interface language, with the browser's regional conventions when they are of
 * that language (en-GB readers get 26 Nov, en-US readers Nov 26).
 */
export function useDateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const key = JSON.stringify(options);
  return useMemo(() => {
    const regional = window.navigator.languages?.find((tag) => tag.toLowerCase().startsWith(`${language}-`));
    return new Intl.DateTimeFormat(
      regional ? [regional, language] : [language],
      JSON.parse(key) as Intl.DateTimeFormatOptions,
    );
  }, [language, key]);
}
