import { abilitiesFor, type PresentedMember, type Role } from '@accord/shared';
import type { MembershipRecord } from '../models/Membership.js';
import type { OrganisationRecord } from '../models/Organisation.js';
import type { UserRecord } from '../models/User.js';
import { presentOrganisation } from './presentOrganisation.js';

export interface MemberViewer {
  /** the requesting user's role on the document */
  role: Role;
  /** how many coordinators the document has (the last one cannot be demoted or removed) */
  coordinatorCount: number;
}

/**
 * One member of a document. `canManage` says whether the requesting user may change or remove
 * this membership: they must be able to manage members, and the last coordinator is untouchable.
 * The email goes to those who manage members only (issue 12): the others see name and organisation.
 */
export function presentMember(
  membership: Pick<MembershipRecord, 'role'>,
  user: Pick<UserRecord, '_id' | 'email' | 'name'>,
  organisation: OrganisationRecord | null,
  viewer: MemberViewer,
): PresentedMember {
  const lastCoordinator = membership.role === 'coordinator' && viewer.coordinatorCount <= 1;
  const manages = abilitiesFor(viewer.role).manage;
  return {
    userId: user._id.toHexString(),
    ...(manages ? { email: user.email } : {}),
    name: user.name,
    organisation: presentOrganisation(organisation),
    role: membership.role,
    canManage: manages && !lastCoordinator,
  };
}
