import type { PresentedOrganisation } from '@accord/shared';
import type { OrganisationRecord } from '../models/Organisation.js';

export function presentOrganisation(
  organisation: OrganisationRecord | null | undefined,
): PresentedOrganisation | null {
  if (!organisation) return null;
  return {
    id: organisation._id.toHexString(),
    name: organisation.name,
    kind: organisation.kind,
    country: organisation.country,
  };
}
