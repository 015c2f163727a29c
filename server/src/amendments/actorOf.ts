import type { AuthenticatedUser } from '../auth/AuthenticatedUser.js';
import { findOrganisation } from '../queries/findOrganisation.js';

/** Who acts on an amendment, with the organisation on whose behalf they act. */
export interface Actor {
  id: string;
  name: string;
  organisationId: string | null;
  organisationName: string | null;
  country: string | null;
}

export async function actorOf(user: AuthenticatedUser): Promise<Actor> {
  const organisation = await findOrganisation(user.organisationId);
  return {
    id: user.id,
    name: user.name,
    organisationId: organisation ? organisation._id.toHexString() : null,
    organisationName: organisation?.name ?? null,
    country: organisation?.country ?? null,
  };
}
