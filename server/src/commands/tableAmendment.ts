import { Types } from 'mongoose';
import type { ClauseContent, TableAmendmentBody } from '@accord/shared';
import { Amendment, toStoredAmendment, type AmendmentRecord } from '../models/Amendment.js';
import { EDITOR_FIELD } from '../structure/encodeInitialState.js';
import { Conflict } from '../errors/ApiError.js';
import { InvalidProposal } from '../errors/InvalidProposal.js';
import { UnknownClause } from '../errors/UnknownClause.js';
import { amendmentCache } from '../amendments/AmendmentCache.js';
import { readClauseBlocks } from '../amendments/clauseBlocks.js';
import { findClauseElement } from '../amendments/findClauseElement.js';
import { checkReplacement } from '../amendments/checkReplacement.js';
import { prepareAcceptance } from '../amendments/prepareAcceptance.js';
import type { Actor } from '../amendments/actorOf.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * Tables an amendment on behalf of the author's organisation. The clause is read from the live
 * document: it must exist, and the proposal must fit it and the schema (checked by working out
 * how accepting it would change the document, without changing anything). The clause's wording
 * now is stored as the base the amendment is later rebased from.
 */
export async function tableAmendment(
  ctx: CommandContext,
  documentId: string,
  actor: Actor,
  body: TableAmendmentBody,
): Promise<AmendmentRecord> {
  const proposal = body.kind === 'delete' ? null : (body.proposal as ClauseContent);
  const base = await ctx.collab.withDocument(documentId, (doc) => {
    const clause = findClauseElement(doc.getXmlFragment(EDITOR_FIELD), body.clauseId);
    if (!clause) throw new UnknownClause();
    const blocks = readClauseBlocks(clause);
    if (body.kind === 'insert' && body.position !== 'inside' && body.clauseType !== clause.nodeName)
      throw new InvalidProposal(`A new clause next to a ${clause.nodeName} is a ${clause.nodeName}.`);
    if (body.kind === 'replace') checkReplacement(blocks, body.proposal as ClauseContent);
    const draft = {
      kind: body.kind,
      clauseId: body.clauseId,
      position: body.kind === 'insert' ? body.position : null,
      clauseType: body.kind === 'insert' ? body.clauseType : null,
      base: blocks.content,
    };
    try {
      prepareAcceptance(doc, draft, proposal);
    } catch (error) {
      if (error instanceof Conflict) throw new InvalidProposal(error.message);
      throw error;
    }
    return body.kind === 'insert' ? null : blocks.content;
  });
  const record: AmendmentRecord = {
    _id: new Types.ObjectId(),
    documentId: new Types.ObjectId(documentId),
    clauseId: body.clauseId,
    kind: body.kind,
    position: body.kind === 'insert' ? body.position : null,
    clauseType: body.kind === 'insert' ? body.clauseType : null,
    base,
    proposal,
    justification: body.justification,
    authorId: new Types.ObjectId(actor.id),
    authorName: actor.name,
    organisationId: actor.organisationId ? new Types.ObjectId(actor.organisationId) : null,
    organisationName: actor.organisationName,
    country: actor.country,
    at: new Date(),
  };
  await Amendment.create(toStoredAmendment(record));
  amendmentCache.addAmendment(record);
  ctx.collab.broadcastEvent(documentId, {
    type: 'amendments.changed',
    documentId,
    amendmentId: record._id.toHexString(),
    clauseId: record.clauseId,
    change: 'tabled',
    actorId: actor.id,
    at: record.at.toISOString(),
  });
  await recordAuditEvent(ctx.logger, {
    actorId: actor.id,
    action: 'amendment.tabled',
    documentId,
    data: {
      amendmentId: record._id.toHexString(),
      clauseId: record.clauseId,
      kind: record.kind,
      organisation: record.organisationName,
    },
  });
  return record;
}
