import mongoose from 'mongoose';
import type { PresentedOrganisation } from '@accord/shared';
import { Organisation } from '../models/Organisation.js';
import type { PositionRecord } from '../models/Position.js';
import { presentOrganisation } from '../presenters/presentOrganisation.js';

/**
 * Organisations whose positions are on record but that have no member on the document any more
 * (they left, or their members moved): their positions still count, so the matrix shows them.
 * By name.
 */
export async function leftOrganisations(
  positions: readonly PositionRecord[],
  members: readonly PresentedOrganisation[],
): Promise<PresentedOrganisation[]> {
  const present = new Set(members.map((organisation) => organisation.id));
  const ids = [...new Set(positions.map((record) => record.organisationId.toHexString()))].filter(
    (id) => !present.has(id),
  );
  if (ids.length === 0) return [];
  const records = await Organisation.find({ _id: mongoose.trusted({ $in: ids }) }).lean();
  return records
    .flatMap((record) => presentOrganisation(record) ?? [])
    .sort((a, b) => a.name.localeCompare(b.name));
}
