import { Organisation, type OrganisationRecord } from '../models/Organisation.js';

export function findOrganisation(id: string | null): Promise<OrganisationRecord | null> {
  return id ? Organisation.findById(id).lean() : Promise.resolve(null);
}
