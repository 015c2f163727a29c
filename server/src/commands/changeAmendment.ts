import type { ClauseContent } from '@accord/shared';
import type { AmendmentRecord } from '../models/Amendment.js';
import { EDITOR_FIELD } from '../structure/encodeInitialState.js';
import { Conflict, Forbidden } from '../errors/ApiError.js';
import { AmendmentClosed } from '../errors/AmendmentClosed.js';
import { InvalidProposal } from '../errors/InvalidProposal.js';
import { appendAmendmentEvent } from '../amendments/appendAmendmentEvent.js';
import { closedState, type OpenAmendment } from '../amendments/foldAmendment.js';
import { readClauseBlocks } from '../amendments/clauseBlocks.js';
import { findClauseElement } from '../amendments/findClauseElement.js';
import { checkReplacement } from '../amendments/checkReplacement.js';
import { prepareAcceptance } from '../amendments/prepareAcceptance.js';
import type { Actor } from '../amendments/actorOf.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

export type AmendmentAction =
  | { type: 'cosponsor' }
  | { type: 'withdraw' }
  | { type: 'revise'; proposal?: ClauseContent | undefined; justification?: string | undefined };

function assertOpen(state: OpenAmendment): void {
  const closed = closedState(state);
  if (closed) throw new AmendmentClosed(closed);
}

/**
 * Co-sponsoring (a member of another organisation), withdrawing and revising (the author) an open
 * amendment. A revision is made against the clause as it is now: its wording becomes the new base.
 */
export async function changeAmendment(
  ctx: CommandContext,
  record: AmendmentRecord,
  actor: Actor,
  action: AmendmentAction,
): Promise<OpenAmendment> {
  const isAuthor = record.authorId.toHexString() === actor.id;
  const documentId = record.documentId.toHexString();
  let base: ClauseContent | null = null;
  if (action.type === 'cosponsor') {
    if (isAuthor) throw new Forbidden('The author cannot co-sponsor their own amendment.');
    if (!actor.organisationId || actor.organisationId === record.organisationId?.toHexString())
      throw new Forbidden('Members of another organisation co-sponsor an amendment.');
  } else if (!isAuthor) {
    throw new Forbidden('Only its author can change an amendment.');
  }
  if (action.type === 'revise') {
    if (!action.proposal && !action.justification) throw new InvalidProposal('Nothing to revise.');
    if (action.proposal && record.kind === 'delete') throw new InvalidProposal('A deletion has no wording.');
    base = await ctx.collab.withDocument(documentId, (doc) => {
      const clause = findClauseElement(doc.getXmlFragment(EDITOR_FIELD), record.clauseId);
      if (!clause) throw new Conflict('The clause is no longer in the document: withdraw the amendment.');
      const blocks = readClauseBlocks(clause);
      if (action.proposal && record.kind === 'replace') checkReplacement(blocks, action.proposal);
      if (action.proposal) {
        const draft = {
          kind: record.kind,
          clauseId: record.clauseId,
          position: record.position,
          clauseType: record.clauseType,
          base: blocks.content,
        };
        try {
          prepareAcceptance(doc, draft, action.proposal);
        } catch (error) {
          if (error instanceof Conflict) throw new InvalidProposal(error.message);
          throw error;
        }
      }
      return record.kind === 'insert' ? null : blocks.content;
    });
  }
  const { event, after } = await appendAmendmentEvent(record, actor, (state) => {
    assertOpen(state);
    if (action.type === 'cosponsor') {
      if (state.cosponsors.some((c) => c.userId === actor.id))
        throw new Conflict('You co-sponsor this amendment already.');
      return { type: 'cosponsor' };
    }
    if (action.type === 'withdraw') return { type: 'withdraw' };
    return {
      type: 'revise',
      // a revision of the justification alone keeps the proposal and the base it was made against
      base: action.proposal ? base : null,
      proposal: action.proposal ?? null,
      note: action.justification ?? null,
    };
  });
  ctx.collab.broadcastEvent(documentId, {
    type: 'amendments.changed',
    documentId,
    amendmentId: record._id.toHexString(),
    clauseId: record.clauseId,
    change:
      action.type === 'cosponsor' ? 'cosponsored' : action.type === 'withdraw' ? 'withdrawn' : 'revised',
    actorId: actor.id,
    at: event.at.toISOString(),
  });
  await recordAuditEvent(ctx.logger, {
    actorId: actor.id,
    action:
      action.type === 'cosponsor'
        ? 'amendment.cosponsored'
        : action.type === 'withdraw'
          ? 'amendment.withdrawn'
          : 'amendment.revised',
    documentId,
    data: { amendmentId: record._id.toHexString(), clauseId: record.clauseId, seq: event.seq },
  });
  return after;
}
