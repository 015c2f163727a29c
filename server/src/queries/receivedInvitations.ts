import mongoose from 'mongoose';
import { DocumentModel, type DocumentRecord } from '../models/Document.js';
import type { InvitationRecord } from '../models/Invitation.js';
import { Organisation, type OrganisationRecord } from '../models/Organisation.js';
import { User } from '../models/User.js';
import { DeletedDocument } from '../models/DeletedDocument.js';
import { openInvitations } from './openInvitations.js';

export interface ReceivedInvitationRow {
  invitation: InvitationRecord;
  document: DocumentRecord;
  inviterName: string;
  inviterOrganisation: OrganisationRecord | null;
}

const hexIds = (values: { toHexString(): string }[]) => [...new Set(values.map((v) => v.toHexString()))];

/**
 * The pending invitations addressed to `email` (the signed-in user's), with the document and who
 * invited them, for the invitee's My documents page.
 */
export async function receivedInvitations(email: string): Promise<ReceivedInvitationRow[]> {
  const invitations = await openInvitations({ email });
  if (invitations.length === 0) return [];
  const [documents, inviters, deleted] = await Promise.all([
    DocumentModel.find({
      _id: mongoose.trusted({ $in: hexIds(invitations.map((i) => i.documentId)) }),
    }).lean(),
    User.find(
      { _id: mongoose.trusted({ $in: hexIds(invitations.map((i) => i.invitedBy)) }) },
      { name: 1, organisationId: 1 },
    ).lean(),
    DeletedDocument.find(
      { _id: mongoose.trusted({ $in: hexIds(invitations.map((i) => i.documentId)) }) },
      { _id: 1 },
    ).lean(),
  ]);
  const organisationIds = hexIds(inviters.flatMap((u) => (u.organisationId ? [u.organisationId] : [])));
  const organisations = organisationIds.length
    ? await Organisation.find({ _id: mongoose.trusted({ $in: organisationIds }) }).lean()
    : [];
  // documents in the bin are not shown, their titles neither
  const gone = new Set(deleted.map((d) => d._id));
  const documentsById = new Map(
    documents.filter((d) => !gone.has(d._id.toHexString())).map((d) => [d._id.toHexString(), d]),
  );
  const invitersById = new Map(inviters.map((u) => [u._id.toHexString(), u]));
  const organisationsById = new Map(organisations.map((o) => [o._id.toHexString(), o]));
  return invitations.flatMap((invitation) => {
    const document = documentsById.get(invitation.documentId.toHexString());
    if (!document) return [];
    const inviter = invitersById.get(invitation.invitedBy.toHexString());
    const organisationId = inviter?.organisationId?.toHexString();
    return [
      {
        invitation,
        document,
        inviterName: inviter?.name ?? '',
        inviterOrganisation: (organisationId && organisationsById.get(organisationId)) || null,
      },
    ];
  });
}
