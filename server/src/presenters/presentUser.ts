import type { PresentedUser } from '@accord/shared';
import type { OrganisationRecord } from '../models/Organisation.js';
import { presentOrganisation } from './presentOrganisation.js';

interface UserLike {
  id: string;
  email: string;
  name: string;
  locale: string;
}

/** The signed-in user as the API shows them to themselves (never the password hash). */
export function presentUser(user: UserLike, organisation: OrganisationRecord | null): PresentedUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    organisation: presentOrganisation(organisation),
  };
}
