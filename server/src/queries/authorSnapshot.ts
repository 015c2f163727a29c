import type { AuthenticatedUser } from '../auth/AuthenticatedUser.js';
import type { CommentAuthorSnapshot } from '../models/Comment.js';
import { findOrganisation } from './findOrganisation.js';

/** The author's name and organisation as they are now, stored with each comment they write. */
export async function authorSnapshot(actor: AuthenticatedUser): Promise<CommentAuthorSnapshot> {
  const organisation = await findOrganisation(actor.organisationId);
  return {
    name: actor.name,
    organisation: organisation
      ? {
          id: organisation._id,
          name: organisation.name,
          kind: organisation.kind,
          country: organisation.country,
        }
      : null,
  };
}
