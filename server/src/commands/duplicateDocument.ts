import { fragmentToJson } from '@accord/shared';
import type { DocumentRecord } from '../models/Document.js';
import type { CommandContext } from './CommandContext.js';
import { createDocument } from './createDocument.js';

/**
 * A new document as a starting point from another: the text and structure as collaborators see
 * them now (the live room's state when the document is open), with the same kind and language;
 * not its comments, versions, publications, workflow or members: the duplicator is its only
 * coordinator. The copy is built from the rendered content like an import (createDocument with
 * `content`), so it starts with a fresh Yjs history: no other user's client ids or deleted text.
 * Clause ids are kept as they are (repairClauseIds only fixes missing or repeated ones): they
 * are unique within a document, and the copy is another document, so matching clauses between
 * the two (comparing an original and its copy) stays possible.
 */
export async function duplicateDocument(
  ctx: CommandContext,
  source: DocumentRecord,
  title: string,
): Promise<DocumentRecord> {
  const content = await ctx.collab.withDocument(source._id.toHexString(), (doc) => fragmentToJson(doc));
  return createDocument(ctx, {
    title,
    kind: source.kind,
    language: source.language,
    content: content as { type: 'doc'; content: { type: string }[] },
  });
}
