import type { JSONContent } from '@tiptap/core';
import type { DocumentKind, DocumentLanguage } from '../../documentKinds.js';

export interface TemplateOptions {
  language: DocumentLanguage;
  /** Document title; defaults to the template's localized placeholder title. */
  title?: string;
}

/**
 * A document template: data plus a builder that returns fresh ProseMirror JSON (new clauseIds
 * on every call). To add one: write a file like agreementTemplate.ts and list it in templates.ts.
 */
export interface PolicyTemplate {
  id: string;
  kind: DocumentKind;
  /** Name shown in the "new document" dialog, per language. */
  name: Readonly<Record<DocumentLanguage, string>>;
  build(options: TemplateOptions): JSONContent;
}
