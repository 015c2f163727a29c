import type { DocumentLanguage } from '@accord/shared';

const names = new Map<DocumentLanguage, Intl.DisplayNames>();

/** "Colombia", "Brésil": an ISO 3166-1 alpha-2 code's name in the language; the code when unknown. */
export function countryName(code: string, language: DocumentLanguage): string {
  let display = names.get(language);
  if (!display) names.set(language, (display = new Intl.DisplayNames([language], { type: 'region' })));
  try {
    return display.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
