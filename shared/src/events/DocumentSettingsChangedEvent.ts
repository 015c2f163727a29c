import type { DocumentKind, DocumentLanguage } from '../documentKinds.js';

/**
 * Sent to every connection of the document when a coordinator changes its kind or language
 * (PATCH /api/documents/:id/settings): open editors number clauses in the new language at once.
 */
export interface DocumentSettingsChangedEvent {
  type: 'document.settings_changed';
  documentId: string;
  kind: DocumentKind;
  language: DocumentLanguage;
  actorId: string;
}
