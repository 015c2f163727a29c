import type { BackendModule } from 'i18next';
import type { LanguageCode } from './LANGUAGES';

type Bundle = () => Promise<{ default: Record<string, unknown> }>;

/** One chunk per language (locales/bundles/): a visitor downloads only the strings of theirs. */
const BUNDLES: Record<LanguageCode, Bundle> = {
  en: () => import('./locales/bundles/en'),
  es: () => import('./locales/bundles/es'),
  pt: () => import('./locales/bundles/pt'),
  fr: () => import('./locales/bundles/fr'),
};

/** i18next loads a language through this when it is first used (start-up, or a change of language). */
export const localeBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load = BUNDLES[language as LanguageCode] as Bundle | undefined;
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (bundle) => callback(null, bundle.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};
