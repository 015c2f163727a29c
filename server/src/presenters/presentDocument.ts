import { abilitiesFor, type PresentedDocument, type Role } from '@accord/shared';
import type { DocumentRecord } from '../models/Document.js';
import type { CurrentWorkflow } from '../queries/currentWorkflow.js';

/**
 * A document with what the requesting user may do with it, so the client never re-derives it.
 * With `workflow` (one document) its state is the current one; in lists it is the state last
 * written to the document record, and a review's optional text lock is not shown.
 */
export function presentDocument(
  document: DocumentRecord,
  role: Role,
  workflow?: Pick<CurrentWorkflow, 'state' | 'textLocked'>,
): PresentedDocument {
  const state = workflow?.state ?? document.state;
  return {
    id: document._id.toHexString(),
    title: document.title,
    kind: document.kind,
    language: document.language,
    state,
    textLocked: workflow?.textLocked ?? (state === 'final' || state === 'published'),
    public: document.public ?? false,
    archived: Boolean(document.archivedAt),
    schemaVersion: document.schemaVersion,
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
    role,
    abilities: { ...abilitiesFor(role) },
  };
}
