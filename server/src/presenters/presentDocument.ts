import { abilitiesFor, type PresentedDocument, type Role } from '@accord/shared';
import type { DocumentRecord } from '../models/Document.js';

/** A document with what the requesting user may do with it, so the client never re-derives it. */
export function presentDocument(document: DocumentRecord, role: Role): PresentedDocument {
  return {
    id: document._id.toHexString(),
    title: document.title,
    kind: document.kind,
    language: document.language,
    state: document.state,
    schemaVersion: document.schemaVersion,
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
    role,
    abilities: { ...abilitiesFor(role) },
  };
}
