export const DOCUMENT_KINDS = ['agreement', 'action_plan', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Languages a document can be drafted in (BCP 47 primary tags); numbering follows them. */
export const DOCUMENT_LANGUAGES = ['en', 'es', 'pt', 'fr'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];
