import { DOCUMENT_LANGUAGES, type CreateDocumentBody, type DocumentLanguage } from '@accord/shared';
import { DocumentModel, type DocumentRecord } from '../models/Document.js';
import { Membership, membershipKey } from '../models/Membership.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';
import { initialContent } from '../structure/initialContent.js';
import { encodeInitialState } from '../structure/encodeInitialState.js';
import { storeInitialState } from '../structure/storeInitialState.js';

/**
 * Creates a document and makes its creator its coordinator. Without transactions the two inserts
 * are made in order; if the membership cannot be stored the document is deleted again, so no
 * document is left that nobody can reach. The document's first Yjs state (template or imported
 * content) is built before anything is written (invalid content changes nothing) and stored as its
 * first snapshot before the document is returned; if that fails, document and membership go too.
 */
export async function createDocument(
  ctx: CommandContext,
  input: CreateDocumentBody,
): Promise<DocumentRecord> {
  const kind = input.kind ?? 'other';
  const language = input.language ?? defaultLanguage(ctx.actor.locale);
  const state = encodeInitialState(initialContent(input, kind, language));
  const created = await DocumentModel.create({
    title: input.title,
    kind,
    language,
    createdBy: ctx.actor.id,
  });
  let member = false;
  try {
    await Membership.create({ documentId: created._id, userId: ctx.actor.id, role: 'coordinator' });
    member = true;
    await storeInitialState(created._id, state, ctx.actor.id);
  } catch (error) {
    if (member) {
      await Membership.deleteOne({ _id: membershipKey(created._id, ctx.actor.id) }).catch(
        (cleanup: unknown) =>
          ctx.logger.error(
            { err: cleanup, documentId: created._id },
            'could not remove an orphan membership',
          ),
      );
    }
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
