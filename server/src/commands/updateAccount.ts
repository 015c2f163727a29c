import type { AccountUpdateBody } from '@accord/shared';
import type { Logger } from '../logger.js';
import { User } from '../models/User.js';
import type { OrganisationRecord } from '../models/Organisation.js';
import { toAuthenticatedUser } from '../auth/toAuthenticatedUser.js';
import type { AuthenticatedUser } from '../auth/AuthenticatedUser.js';
import { NotFound } from '../errors/ApiError.js';
import { findOrganisation } from '../queries/findOrganisation.js';
import { findOrCreateOrganisation } from './findOrCreateOrganisation.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * The account's owner changes their name, interface language or organisation (picked or created
 * by name, kind and country; null leaves it). One `$set` of the fields given: two changes at once
 * by the same person each keep what they set (the last write of a field wins).
 */
export async function updateAccount(
  logger: Logger,
  actor: AuthenticatedUser,
  input: AccountUpdateBody,
): Promise<{ user: AuthenticatedUser; organisation: OrganisationRecord | null }> {
  const set: Record<string, unknown> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.locale !== undefined) set.locale = input.locale;
  if (input.organisation !== undefined) {
    set.organisationId = input.organisation ? (await findOrCreateOrganisation(input.organisation))._id : null;
  }
  await User.updateOne({ _id: actor.id }, { $set: set });
  const record = await User.findById(actor.id, { passwordHash: 0 }).lean();
  if (!record) throw new NotFound('No such account.');
  const user = toAuthenticatedUser(record);
  await recordAuditEvent(logger, {
    actorId: actor.id,
    action: 'user.updated',
    data: { fields: Object.keys(set) },
  });
  return { user, organisation: await findOrganisation(user.organisationId) };
}
