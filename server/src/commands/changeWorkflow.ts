import { Types } from 'mongoose';
import type { WorkflowState } from '@accord/shared';
import { DocumentModel } from '../models/Document.js';
import { WorkflowEvent } from '../models/WorkflowEvent.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { sequenceKey } from '../database/sequenceKey.js';
import { Conflict } from '../errors/ApiError.js';
import type { CurrentWorkflow } from '../queries/currentWorkflow.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';

export interface WorkflowChange {
  to: WorkflowState;
  note?: string | undefined;
  lockText?: boolean | undefined;
  publicationId?: Types.ObjectId;
}

/** Whether a state locks the text: always in final and published, in review when asked. */
export function locksText(state: WorkflowState, lockText: boolean | undefined): boolean {
  if (state === 'final' || state === 'published') return true;
  return state === 'review' && lockText === true;
}

/**
 * Records the next workflow state after `current` (read by the caller): an insert under the next
 * seq, so of two concurrent changes one wins and the other gets 409 conflict. Open sockets start or
 * stop dropping document updates at once, and every open editor is told.
 */
export async function changeWorkflow(
  ctx: CommandContext,
  documentId: string,
  current: CurrentWorkflow,
  change: WorkflowChange,
): Promise<CurrentWorkflow> {
  const seq = current.seq + 1;
  const textLocked = locksText(change.to, change.lockText);
  const at = new Date();
  try {
    await WorkflowEvent.create({
      _id: sequenceKey(documentId, seq),
      documentId: new Types.ObjectId(documentId),
      seq,
      state: change.to,
      textLocked,
      note: change.note ?? null,
      publicationId: change.publicationId ?? null,
      actorId: new Types.ObjectId(ctx.actor.id),
      at,
    });
  } catch (error) {
    if (isDuplicateKeyError(error))
      throw new Conflict('The workflow state was changed at the same time; reload.');
    throw error;
  }
  ctx.collab.setTextLocked(documentId, textLocked);
  // the document record keeps the state for lists; the events above are the truth
  await serializePerDocument(documentId, () =>
    DocumentModel.updateOne({ _id: documentId }, { $set: { state: change.to } }),
  );
  const next: CurrentWorkflow = {
    state: change.to,
    textLocked,
    seq,
    at,
    actorId: ctx.actor.id,
    note: change.note ?? null,
  };
  ctx.collab.broadcastEvent(documentId, {
    type: 'workflow.changed',
    documentId,
    state: next.state,
    textLocked,
    actorId: ctx.actor.id,
  });
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'workflow.changed',
    documentId,
    data: { from: current.state, to: change.to, textLocked, note: change.note ?? null },
  });
  return next;
}
