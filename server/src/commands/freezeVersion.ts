import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import * as Y from 'yjs';
import { compareDocuments, fragmentToJson, renderCanonical, type CanonicalDocument } from '@accord/shared';
import type { DocumentRecord } from '../models/Document.js';
import { Version, type VersionChanges, type VersionRecord } from '../models/Version.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { sequenceKey } from '../database/sequenceKey.js';
import { EDITOR_FIELD } from '../structure/encodeInitialState.js';
import { frozenText, latestVersionNumber, rememberFrozenText } from '../queries/versions.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';
import { memberIds, notifyMembers } from './notifyMembers.js';

export interface FreezeInput {
  name: string;
  note?: string | undefined;
  proposalId?: Types.ObjectId | null;
}

/** how often a freeze takes the next number when concurrent freezes keep taking it */
const ATTEMPTS = 20;

/**
 * Freezes the document's current text as the next version. The state is taken through the room
 * (the live Y.Doc when it is open), so every update the server has received is in it. The number
 * is the unique insert's: two freezes at once get two consecutive numbers, never the same one.
 */
export async function freezeVersion(
  ctx: CommandContext,
  document: DocumentRecord,
  input: FreezeInput,
): Promise<VersionRecord> {
  const documentId = document._id.toHexString();
  const { state, canonical } = await ctx.collab.withDocument(documentId, (doc) => ({
    state: Y.encodeStateAsUpdate(doc),
    canonical: renderCanonical(fragmentToJson(doc, EDITOR_FIELD), document.language),
  }));
  const json = JSON.stringify(canonical);
  const hash = createHash('sha256').update(json).digest('hex');
  for (let attempt = 1; ; attempt++) {
    const previous = await latestVersionNumber(documentId);
    const changes = await changesSince(documentId, previous, canonical);
    const number = previous + 1;
    const record: VersionRecord = {
      _id: sequenceKey(documentId, number),
      documentId: document._id,
      number,
      name: input.name,
      note: input.note ?? null,
      state: Buffer.from(state.buffer, state.byteOffset, state.byteLength),
      canonical: json,
      hash,
      changes,
      authorId: new Types.ObjectId(ctx.actor.id),
      authorName: ctx.actor.name,
      proposalId: input.proposalId ?? null,
      createdAt: new Date(),
    };
    try {
      // built field by field above: mongoose's casting of a large rendering would only repeat work
      await Version.collection.insertOne(record as never);
    } catch (error) {
      if (isDuplicateKeyError(error) && attempt < ATTEMPTS) continue;
      throw error;
    }
    rememberFrozenText(documentId, number, { canonical, hash, createdAt: record.createdAt });
    ctx.collab.broadcastEvent(documentId, {
      type: 'version.created',
      documentId,
      number,
      name: input.name,
      actorId: ctx.actor.id,
    });
    await recordAuditEvent(ctx.logger, {
      actorId: ctx.actor.id,
      action: 'version.frozen',
      documentId,
      data: { number, name: input.name, hash },
    });
    await notifyMembers(ctx, {
      kind: 'version_frozen',
      documentId,
      recipients: await memberIds(documentId),
      commentId: new Types.ObjectId().toHexString(),
      revision: 0,
    });
    return record;
  }
}

async function changesSince(
  documentId: string,
  previousNumber: number,
  canonical: CanonicalDocument,
): Promise<VersionChanges> {
  const previous = previousNumber > 0 ? await frozenText(documentId, previousNumber) : null;
  if (!previous) {
    return { added: canonical.clauses.length, removed: 0, modified: 0, moved: 0 };
  }
  const { summary } = compareDocuments(previous.canonical, canonical);
  return { added: summary.added, removed: summary.removed, modified: summary.modified, moved: summary.moved };
}
