import { Invitation, type InvitationRecord } from '../models/Invitation.js';
import { InvitationOutcome, type InvitationOutcomeRecord } from '../models/InvitationOutcome.js';
import { hashSecretToken } from '../auth/secretToken.js';
import { TokenInvalid } from '../errors/TokenInvalid.js';

export interface LinkedInvitation {
  invitation: InvitationRecord;
  outcome: InvitationOutcomeRecord | null;
}

/**
 * The invitation an emailed link stands for: the latest one carrying the token's hash (a role
 * change carries the hash to its replacement). Unknown tokens are 400 token_invalid.
 */
export async function findInvitationByToken(token: string): Promise<LinkedInvitation> {
  const tokenHash = hashSecretToken(token);
  const candidates = await Invitation.find({ tokenHash }).lean();
  const invitation = candidates
    .filter((candidate) => candidate.tokenHash === tokenHash)
    .sort((a, b) => b.seq - a.seq)[0];
  if (!invitation) throw new TokenInvalid();
  const outcome = await InvitationOutcome.findById(invitation._id.toHexString()).lean();
  return { invitation, outcome };
}
