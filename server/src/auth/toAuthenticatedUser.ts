import type { UserRecord } from '../models/User.js';
import type { AuthenticatedUser } from './AuthenticatedUser.js';

export function toAuthenticatedUser(user: Omit<UserRecord, 'passwordHash'>): AuthenticatedUser {
  return {
    id: user._id.toHexString(),
    email: user.email,
    name: user.name,
    locale: user.locale,
    organisationId: user.organisationId ? user.organisationId.toHexString() : null,
  };
}
