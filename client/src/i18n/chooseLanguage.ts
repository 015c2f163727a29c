import { i18next, LANGUAGE_STORAGE_KEY } from './i18n';
import type { LanguageCode } from './LANGUAGES';

/** Switches the interface language and remembers the choice on this device. */
export function chooseLanguage(code: LanguageCode): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
  } catch {
    // not remembered, still applied
  }
  void i18next.changeLanguage(code);
}
