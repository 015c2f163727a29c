import { DOCUMENT_LANGUAGES, type CreateDocumentBody, type DocumentLanguage } from '@accord/shared';
import { DocumentModel, type DocumentRecord } from '../models/Document.js';
import { Membership } from '../models/Membership.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * Creates a document and makes its creator its coordinator. Without transactions the two inserts
 * are made in order; if the membership cannot be stored the document is deleted again, so no
 * document is left that nobody can reach.
 */
export async function createDocument(
  ctx: CommandContext,
  input: CreateDocumentBody,
): Promise<DocumentRecord> {
  const created = await DocumentModel.create({
    title: input.title,
    kind: input.kind ?? 'other',
    language: input.language ?? defaultLanguage(ctx.actor.locale),
    createdBy: ctx.actor.id,
  });
  try {
    await Membership.create({ documentId: created._id, userId: ctx.actor.id, role: 'coordinator' });
  } catch (error) {
    await DocumentModel.deleteOne({ _id: created._id }).catch((cleanup: unknown) =>
      ctx.logger.error({ err: cleanup, documentId: created._id }, 'could not remove an orphan document'),
    );
    throw error;
  }
  const document = created.toObject();
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'document.created',
    documentId: document._id.toHexString(),
    data: { title: document.title, kind: document.kind, language: document.language },
  });
  return document;
}

/** Without an explicit language, a document is drafted in its creator's interface language. */
function defaultLanguage(locale: string): DocumentLanguage {
  return (DOCUMENT_LANGUAGES as readonly string[]).includes(locale) ? (locale as DocumentLanguage) : 'en';
}
