import { Types } from 'mongoose';
import type { ClauseStatus } from '@accord/shared';
import { ClauseStatusEvent, type ClauseStatusEventRecord } from '../models/ClauseStatusEvent.js';
import { appendInSequence } from '../database/appendInSequence.js';
import { clauseStatusKey } from '../negotiation/negotiationKeys.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * Records a clause's negotiation status as the next insert-only event of that clause; of
 * concurrent settings every one is stored (in some order) and the latest counts. Open clients
 * are told to read the negotiation again.
 */
export async function setClauseStatus(
  ctx: CommandContext,
  documentId: string,
  change: { clauseId: string; status: ClauseStatus; note?: string | undefined },
): Promise<ClauseStatusEventRecord> {
  const { clauseId } = change;
  const at = new Date();
  let record: ClauseStatusEventRecord | null = null;
  await serializePerDocument(documentId, () =>
    appendInSequence(
      async (n) =>
        (await ClauseStatusEvent.exists({ _id: clauseStatusKey(documentId, clauseId, n) })) !== null,
      async (n) => {
        const candidate: ClauseStatusEventRecord = {
          _id: clauseStatusKey(documentId, clauseId, n),
          documentId: new Types.ObjectId(documentId),
          clauseId,
          seq: n,
          status: change.status,
          note: change.note ? change.note : null,
          actorId: new Types.ObjectId(ctx.actor.id),
          at,
        };
        await ClauseStatusEvent.create(candidate);
        record = candidate;
      },
    ),
  );
  ctx.collab.broadcastEvent(documentId, {
    type: 'negotiation.changed',
    documentId,
    clauseId,
    what: 'status',
  });
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'clause.status_set',
    documentId,
    data: { clauseId, status: change.status, note: change.note ?? null },
  });
  return record!;
}
