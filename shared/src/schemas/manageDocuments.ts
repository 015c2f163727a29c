import { z } from 'zod';
import { ROLES } from '../roles.js';
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES } from '../documentKinds.js';
import { documentTitle, objectId } from './documents.js';

export { confirmsTitle } from './confirmsTitle.js';

/**
 * POST /api/documents/:id/hand-over: make `userId` (a member) coordinator; the giver keeps the
 * role, or steps down to `myRole` in the same action.
 */
export const handOverBody = z.strictObject({
  userId: objectId,
  myRole: z.enum(ROLES).optional(),
});
export type HandOverBody = z.infer<typeof handOverBody>;

/** PATCH /api/documents/:id/archived */
export const archiveBody = z.strictObject({ archived: z.boolean() });
export type ArchiveBody = z.infer<typeof archiveBody>;

/** DELETE /api/documents/:id: the title typed again, as the confirmation */
export const deleteDocumentBody = z.strictObject({ title: z.string().max(1000) });
export type DeleteDocumentBody = z.infer<typeof deleteDocumentBody>;

/** GET /api/deleted-documents: documents in the bin that the user coordinates */
export interface PresentedDeletedDocument {
  id: string;
  title: string;
  deletedAt: string;
  /** after this the document is purged and cannot be restored */
  purgeAt: string;
}

/** POST /api/documents/:id/duplicate: the copy's title */
export const duplicateDocumentBody = z.strictObject({ title: documentTitle });
export type DuplicateDocumentBody = z.infer<typeof duplicateDocumentBody>;

/** PATCH /api/documents/:id/settings: the document's kind and language (numbering words follow) */
export const documentSettingsBody = z
  .strictObject({ kind: z.enum(DOCUMENT_KINDS).optional(), language: z.enum(DOCUMENT_LANGUAGES).optional() })
  .refine((body) => body.kind !== undefined || body.language !== undefined, 'nothing to change');
export type DocumentSettingsBody = z.infer<typeof documentSettingsBody>;
