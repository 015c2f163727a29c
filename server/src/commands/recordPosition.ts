import { Types } from 'mongoose';
import type { PositionStance } from '@accord/shared';
import { Position, type PositionRecord } from '../models/Position.js';
import { appendInSequence } from '../database/appendInSequence.js';
import { positionKey } from '../negotiation/negotiationKeys.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * Records the position of the actor's organisation on a clause as the next insert-only record of
 * that (clause, organisation); the latest counts. Open clients are told to read again.
 */
export async function recordPosition(
  ctx: CommandContext,
  documentId: string,
  organisationId: string,
  position: { clauseId: string; stance: PositionStance; note?: string | undefined },
): Promise<PositionRecord> {
  const { clauseId } = position;
  const at = new Date();
  let record: PositionRecord | null = null;
  await serializePerDocument(documentId, () =>
    appendInSequence(
      async (n) =>
        (await Position.exists({ _id: positionKey(documentId, clauseId, organisationId, n) })) !== null,
      async (n) => {
        const candidate: PositionRecord = {
          _id: positionKey(documentId, clauseId, organisationId, n),
          documentId: new Types.ObjectId(documentId),
          clauseId,
          organisationId: new Types.ObjectId(organisationId),
          seq: n,
          stance: position.stance,
          note: position.note ? position.note : null,
          actorId: new Types.ObjectId(ctx.actor.id),
          at,
        };
        await Position.create(candidate);
        record = candidate;
      },
    ),
  );
  ctx.collab.broadcastEvent(documentId, {
    type: 'negotiation.changed',
    documentId,
    clauseId,
    what: 'position',
  });
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'clause.position_recorded',
    documentId,
    data: { clauseId, organisationId, stance: position.stance, note: position.note ?? null },
  });
  return record!;
}
