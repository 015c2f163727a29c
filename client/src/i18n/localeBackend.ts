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

/**
 * The namespace of the strings only the document page uses (locales/document/): loaded with that
 * page, so signing in and the document list do not download them. Keys are written as before
 * (as in `t("comments.title")`): i18next looks here for what the default namespace lacks (fallbackNS).
 */
export const DOCUMENT_NAMESPACE = 'document';

const DOCUMENT_BUNDLES: Record<LanguageCode, Bundle> = {
  en: () => import('./locales/bundles/document.en'),
  es: () => import('./locales/bundles/document.es'),
  pt: () => import('./locales/bundles/document.pt'),
  fr: () => import('./locales/bundles/document.fr'),
};

/**
 * i18next loads a language's namespace through this when it is first used (start-up, the document
 * page, or a change of language: every namespace loaded so far is loaded again in the new one).
 */
export const localeBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const bundles = namespace === DOCUMENT_NAMESPACE ? DOCUMENT_BUNDLES : BUNDLES;
    const load = bundles[language as LanguageCode] as Bundle | undefined;
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
