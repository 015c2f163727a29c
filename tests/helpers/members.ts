import type { Role } from '@accord/shared';
import type { ApiClient } from './api.js';

/**
 * Makes `invitee` a member of the document with `role` the way people join: `coordinator` invites
 * their email (POST /invitations) and they accept (POST /api/invitations/:id/accept), through the
 * real API. Throws unless both succeed. Answers the invitation's id.
 */
export async function addMember(
  coordinator: ApiClient,
  documentId: string,
  invitee: { email: string; api: ApiClient },
  role: Role,
): Promise<string> {
  const invited = await coordinator.request('POST', `/api/documents/${documentId}/invitations`, {
    email: invitee.email,
    role,
  });
  if (invited.status !== 201) {
    throw new Error(`invitation: ${invited.status} ${JSON.stringify(invited.body)}`);
  }
  const id = invited.body.invitation.id as string;
  const accepted = await invitee.api.request('POST', `/api/invitations/${id}/accept`);
  if (accepted.status !== 200) {
    throw new Error(`acceptance: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  }
  return id;
}

/**
 * `invitee` accepts, through the real API, their pending invitation to the document (one sent
 * from the interface, say). Throws unless there is one and it is accepted.
 */
export async function acceptInvitationTo(invitee: { api: ApiClient }, documentId: string): Promise<void> {
  const listed = await invitee.api.request('GET', '/api/invitations');
  const invitation = (listed.body.invitations ?? []).find(
    (i: { document: { id: string } }) => i.document.id === documentId,
  );
  if (!invitation) throw new Error(`no invitation to ${documentId}: ${JSON.stringify(listed.body)}`);
  const accepted = await invitee.api.request('POST', `/api/invitations/${invitation.id}/accept`);
  if (accepted.status !== 200) {
    throw new Error(`acceptance: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  }
}
