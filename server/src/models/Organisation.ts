import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import { ORGANISATION_KINDS, type OrganisationKind } from '@accord/shared';

export interface OrganisationRecord {
  _id: Types.ObjectId;
  name: string;
  /** lower-cased, whitespace-collapsed name: with `country`, the unique key */
  nameKey: string;
  kind: OrganisationKind;
  /** ISO 3166-1 alpha-2, upper case */
  country: string;
  createdAt: Date;
}

const schema = new Schema<OrganisationRecord>(
  {
    name: { type: String, required: true },
    nameKey: { type: String, required: true },
    kind: { type: String, enum: ORGANISATION_KINDS, required: true },
    country: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, strict: 'throw' },
);

// people from one organisation share its record; the unique key makes find-or-create race-free
schema.index({ nameKey: 1, country: 1 }, { unique: true });

export const Organisation = mongoose.model<OrganisationRecord>('Organisation', schema, 'organisations');

export function organisationNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
