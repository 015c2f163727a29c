import type { DocumentLanguage } from '@accord/shared';

// British English (day before month), as in the rest of Accord's English text.
const LOCALES: Readonly<Record<DocumentLanguage, string>> = { en: 'en-GB', es: 'es', pt: 'pt', fr: 'fr' };
const formats = new Map<DocumentLanguage, Intl.DateTimeFormat>();

/**
 * "5 March 2025", "5 de marzo de 2025": the date in the document's language, in UTC so that
 * the same version exports the same bytes on every server whatever its time zone.
 */
export function formatExportDate(date: Date, language: DocumentLanguage): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' });
    formats.set(language, format);
  }
  return format.format(date);
}
