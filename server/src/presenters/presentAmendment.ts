import type { Abilities, PresentedAmendment, PresentedAmendmentPerson } from '@accord/shared';
import type { AmendmentView } from '../amendments/amendmentViews.js';
import { presentedName } from '../queries/formerMembers.js';

export interface AmendmentViewer {
  id: string;
  organisationId: string | null;
  abilities: Abilities;
}

function person(
  id: string,
  name: string,
  organisationId: string | null,
  organisationName: string | null,
  country: string | null,
): PresentedAmendmentPerson {
  return {
    id,
    name: presentedName(id, name),
    organisation:
      organisationId && organisationName
        ? { id: organisationId, name: organisationName, country: country ?? '' }
        : null,
  };
}

/** An amendment for one viewer, with what they may do with it. */
export function presentAmendment(view: AmendmentView, viewer: AmendmentViewer): PresentedAmendment {
  const { amendment, rebased } = view;
  const record = amendment.record;
  const open = !amendment.closedBy;
  const isAuthor = record.authorId.toHexString() === viewer.id;
  const organisationId = record.organisationId?.toHexString() ?? null;
  const closedBy = amendment.closedBy;
  return {
    id: amendment.id,
    documentId: amendment.documentId,
    clauseId: amendment.clauseId,
    clauseLabel: view.clauseLabel,
    kind: amendment.kind,
    position: amendment.position,
    clauseType: amendment.clauseType,
    state: view.state,
    competingWith: view.competingWith,
    revision: amendment.revision,
    justification: amendment.justification,
    base: amendment.base,
    proposal: amendment.proposal,
    currentText: view.currentText,
    diff: rebased?.diff ?? [],
    conflicts: view.state === 'conflict' ? (rebased?.merge?.conflicts ?? []) : [],
    author: person(
      record.authorId.toHexString(),
      record.authorName,
      organisationId,
      record.organisationName,
      record.country,
    ),
    cosponsors: amendment.cosponsors.map((c) => ({
      ...person(c.userId, c.name, c.organisationId, c.organisationName, c.country),
      at: c.at.toISOString(),
    })),
    decision:
      closedBy && (closedBy.type === 'accept' || closedBy.type === 'reject')
        ? {
            decision: closedBy.type,
            by: {
              id: closedBy.actorId.toHexString(),
              name: presentedName(closedBy.actorId, closedBy.actorName),
            },
            at: closedBy.at.toISOString(),
            reason: closedBy.note,
            changed: closedBy.type === 'accept' && closedBy.proposal !== null,
          }
        : null,
    withdrawnAt: closedBy?.type === 'withdraw' ? closedBy.at.toISOString() : null,
    createdAt: record.at.toISOString(),
    updatedAt: amendment.updatedAt.toISOString(),
    can: {
      cosponsor:
        open &&
        viewer.abilities.comment &&
        !isAuthor &&
        viewer.organisationId !== null &&
        viewer.organisationId !== organisationId &&
        !amendment.cosponsors.some((c) => c.userId === viewer.id),
      revise: open && isAuthor && viewer.abilities.comment,
      withdraw: open && isAuthor && viewer.abilities.comment,
      decide: open && viewer.abilities.manage,
    },
  };
}
