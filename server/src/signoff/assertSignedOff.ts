import { Types } from 'mongoose';
import { SignoffOverride } from '../models/SignoffOverride.js';
import { SignoffIncomplete } from '../errors/SignoffIncomplete.js';
import { signoffState } from '../queries/signoffState.js';
import type { CommandContext } from '../commands/CommandContext.js';
import { recordAuditEvent } from '../commands/recordAuditEvent.js';
import { appendInSequence } from '../database/appendInSequence.js';
import { signoffOverrideKey } from './signoffKeys.js';

/**
 * The gate before publishing a version: passes when the version has no sign-off round or every
 * required organisation's latest decision is an endorsement; else, with a coordinator's reason,
 * records the override (insert-only) and passes; else 409 signoff_incomplete.
 */
export async function assertSignedOff(
  ctx: CommandContext,
  documentId: string,
  versionNumber: number,
  overrideReason: string | undefined,
): Promise<void> {
  const state = await signoffState(documentId, versionNumber);
  if (!state || state.missing.length === 0) return;
  if (!overrideReason) throw new SignoffIncomplete(state.missing);
  const roundId = state.round._id;
  await appendInSequence(
    async (n) => (await SignoffOverride.exists({ _id: signoffOverrideKey(roundId, n) })) !== null,
    (n) =>
      SignoffOverride.create({
        _id: signoffOverrideKey(roundId, n),
        roundId,
        seq: n,
        reason: overrideReason,
        actorId: new Types.ObjectId(ctx.actor.id),
        at: new Date(),
      }),
  );
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'signoff.overridden',
    documentId,
    data: { version: versionNumber, reason: overrideReason, missing: state.missing },
  });
}
