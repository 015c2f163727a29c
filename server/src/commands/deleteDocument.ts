import { confirmsTitle } from '@accord/shared';
import { DocumentModel } from '../models/Document.js';
import { DeletedDocument } from '../models/DeletedDocument.js';
import { Membership } from '../models/Membership.js';
import { NotFound } from '../errors/ApiError.js';
import { TitleMismatch } from '../errors/TitleMismatch.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * Moves the document to the bin (a soft delete): one insert under the document's id
 * (DeletedDocument), after which permissions/roleOn answers "not a member" to everyone, so every
 * REST route, the collaboration socket's upgrade and the public pages answer 404. Open sockets of
 * every member are closed as for a removed member (CloseCode.FORBIDDEN). Nothing else is touched
 * until the purge, so restoring gives back the document, its members, comments and versions.
 */
export async function deleteDocument(
  ctx: CommandContext,
  documentId: string,
  typedTitle: string,
): Promise<void> {
  const document = await DocumentModel.findById(documentId, { title: 1 }).lean();
  if (!document) throw new NotFound('No such document.');
  if (!confirmsTitle(typedTitle, document.title)) throw new TitleMismatch();
  try {
    await DeletedDocument.create({ _id: documentId, title: document.title, deletedBy: ctx.actor.id });
  } catch (error) {
    // deleted already, by a concurrent request
    if (isDuplicateKeyError(error)) throw new NotFound('No such document.');
    throw error;
  }
  const members = await Membership.find({ documentId }, { userId: 1 }).lean();
  for (const m of members) ctx.collab.membershipChanged(documentId, m.userId.toHexString(), null);
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'document.deleted',
    documentId,
    data: { title: document.title },
  });
}
