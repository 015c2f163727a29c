import type { Logger } from '../logger.js';
import type { AuthenticatedUser } from '../auth/AuthenticatedUser.js';
import type { InvitationRecord } from '../models/Invitation.js';
import { DocumentModel } from '../models/Document.js';
import { User } from '../models/User.js';
import type { Mailer } from './Mailer.js';
import { invitationMail } from './invitationMail.js';

/**
 * Puts the invitation's email in the outbox: in the language of the account that has the address,
 * if any, else the inviter's. Never fails the request that invited (the invitation is made; a
 * problem here is logged).
 */
export async function sendInvitationMail(
  deps: { logger: Logger; mailer: Mailer; linkBase: string },
  actor: AuthenticatedUser,
  invitation: InvitationRecord,
  token: string,
): Promise<void> {
  try {
    const [document, account] = await Promise.all([
      DocumentModel.findById(invitation.documentId, { title: 1 }).lean(),
      User.findOne({ email: invitation.email }, { locale: 1, email: 1 }).lean(),
    ]);
    await deps.mailer.send(
      invitationMail({
        to: invitation.email,
        locale: account?.email === invitation.email ? account.locale : actor.locale,
        inviterName: actor.name,
        title: document?.title ?? '',
        role: invitation.role,
        link: `${deps.linkBase}/invitation#${token}`,
        expiresAt: invitation.expiresAt,
      }),
    );
  } catch (error) {
    deps.logger.error({ err: error, invitationId: invitation._id.toHexString() }, 'invitation email failed');
  }
}
