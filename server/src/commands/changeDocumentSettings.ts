import type { DocumentSettingsBody } from '@accord/shared';
import { DocumentModel, type DocumentRecord } from '../models/Document.js';
import { NotFound } from '../errors/ApiError.js';
import { assertTextUnlocked } from '../queries/assertTextUnlocked.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * Changes the document's kind and/or language after creation. Both live on the document record
 * only: clause numbering words ("Article 3", "Artículo 3") and exports are rendered from the
 * language when read, so they follow at once; the text itself (a template's preamble in the old
 * language) is the drafters' to change. Frozen versions keep the rendering they were frozen with.
 * Not while the workflow locks the text (409 text_locked): the live rendering would change.
 * A flag on the record like `public` (setDocumentPublic): the last of two racing changes holds.
 * Open tabs of the document hear of it live (document.settings_changed) and follow.
 */
export function changeDocumentSettings(
  ctx: CommandContext,
  documentId: string,
  settings: DocumentSettingsBody,
): Promise<DocumentRecord> {
  return serializePerDocument(documentId, async () => {
    await assertTextUnlocked(documentId);
    const before = await DocumentModel.findById(documentId, { kind: 1, language: 1 }).lean();
    if (!before) throw new NotFound('No such document.');
    const set: Partial<Pick<DocumentRecord, 'kind' | 'language'>> = {};
    if (settings.kind !== undefined) set.kind = settings.kind;
    if (settings.language !== undefined) set.language = settings.language;
    const document = await DocumentModel.findOneAndUpdate(
      { _id: documentId },
      { $set: set },
      { returnDocument: 'after' },
    ).lean();
    if (!document) throw new NotFound('No such document.');
    await recordAuditEvent(ctx.logger, {
      actorId: ctx.actor.id,
      action: 'document.settings_changed',
      documentId,
      data: { from: { kind: before.kind, language: before.language }, to: set },
    });
    // open editors of the document (every tab, every instance) renumber in the new language
    ctx.collab.broadcastEvent(documentId, {
      type: 'document.settings_changed',
      documentId,
      kind: document.kind,
      language: document.language,
      actorId: ctx.actor.id,
    });
    return document;
  });
}
