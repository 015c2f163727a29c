import type { z } from 'zod';
import type { organisationInput } from '@accord/shared';
import { Organisation, organisationNameKey, type OrganisationRecord } from '../models/Organisation.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';

/**
 * The organisation with this name in this country, created if needed. People of one organisation
 * share its record. The unique (nameKey, country) index settles concurrent creations: the loser
 * of the insert reads the winner's record.
 */
export async function findOrCreateOrganisation(
  input: z.output<typeof organisationInput>,
): Promise<OrganisationRecord> {
  const key = { nameKey: organisationNameKey(input.name), country: input.country };
  const existing = await Organisation.findOne(key).lean();
  if (existing) return existing;
  try {
    const created = await Organisation.create({ ...key, name: input.name, kind: input.kind });
    return created.toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const winner = await Organisation.findOne(key).lean();
    if (!winner) throw error;
    return winner;
  }
}
