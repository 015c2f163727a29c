import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

/**
 * The unique keys of publications, insert-only (FerretDB's updates are not safe under
 * concurrency; its unique `_id` is):
 * - `version`: `<documentId>:<versionNumber>` (publicationVersionKey): a version is published once;
 *   a second publish of it fails on this insert (409 already_published);
 * - `number`: `<documentId>:<major>.<minor>` (publicationNumberKey): two concurrent publishes
 *   get distinct numbers, the loser retrying the next one.
 * Both name the publication that claimed them (which may not exist yet, while it is being
 * published, or ever, if publishing failed: see commands/publishVersion.ts).
 */
export interface PublicationKeyRecord {
  _id: string;
  kind: 'version' | 'number';
  documentId: Types.ObjectId;
  publicationId: Types.ObjectId;
  at: Date;
}

export function publicationVersionKey(documentId: string, versionNumber: number): string {
  return `${documentId}:${versionNumber}`;
}

export function publicationNumberKey(documentId: string, major: number, minor: number): string {
  return `${documentId}:${major}.${minor}`;
}

const schema = new Schema<PublicationKeyRecord>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ['version', 'number'], required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    publicationId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'publication_keys', versionKey: false, strict: 'throw' },
);

export const PublicationKey = mongoose.model<PublicationKeyRecord>('PublicationKey', schema);
