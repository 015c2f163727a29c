import type { RegisterBody } from '@accord/shared';
import type { Logger } from '../logger.js';
import { User } from '../models/User.js';
import type { OrganisationRecord } from '../models/Organisation.js';
import { hashPassword } from '../auth/passwordHashing.js';
import { toAuthenticatedUser } from '../auth/toAuthenticatedUser.js';
import type { AuthenticatedUser } from '../auth/AuthenticatedUser.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { EmailTaken } from '../errors/ApiError.js';
import { findOrCreateOrganisation } from './findOrCreateOrganisation.js';
import { recordAuditEvent } from './recordAuditEvent.js';

export interface RegisteredUser {
  user: AuthenticatedUser;
  organisation: OrganisationRecord | null;
}

/**
 * Creates an account. The unique email index decides between concurrent registrations of one
 * email (exactly one wins; the others get 409 email_taken) – there is no "is it taken?" lookup
 * to race with. The user is inserted first so that a taken email creates nothing else; if
 * attaching the organisation then fails, the user is deleted again (no half-made account).
 */
export async function registerUser(
  deps: { logger: Logger; scryptCost: number },
  input: RegisterBody,
): Promise<RegisteredUser> {
  const passwordHash = await hashPassword(input.password, deps.scryptCost);
  let created;
  try {
    created = await User.create({
      email: input.email,
      name: input.name,
      passwordHash,
      locale: input.locale ?? 'en',
      organisationId: null,
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new EmailTaken();
    throw error;
  }
  let organisation: OrganisationRecord | null = null;
  if (input.organisation) {
    try {
      organisation = await findOrCreateOrganisation(input.organisation);
      // only this request knows the new user yet, so this update cannot race
      await User.updateOne({ _id: created._id }, { $set: { organisationId: organisation._id } });
      created.organisationId = organisation._id;
    } catch (error) {
      await User.deleteOne({ _id: created._id }).catch((cleanup: unknown) =>
        deps.logger.error({ err: cleanup, userId: created._id }, 'could not remove a half-registered user'),
      );
      throw error;
    }
  }
  const user = toAuthenticatedUser(created.toObject());
  await recordAuditEvent(deps.logger, {
    actorId: user.id,
    action: 'user.registered',
    data: { organisationId: user.organisationId },
  });
  return { user, organisation };
}
