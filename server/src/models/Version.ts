import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

export interface VersionChanges {
  added: number;
  removed: number;
  modified: number;
  moved: number;
}

/**
 * A frozen version of a document, immutable: numbered 1, 2, 3 … per document under the key
 * `<documentId>:<number>` (database/sequenceKey.ts), whose unique insert gives two coordinators
 * freezing at once two consecutive numbers. Holds the room's Yjs state at that moment, its
 * canonical rendering (as JSON) and the SHA-256 of that JSON; compare, exports and publications
 * read versions, never the live room.
 */
export interface VersionRecord {
  _id: string;
  documentId: Types.ObjectId;
  number: number;
  name: string;
  note: string | null;
  state: Buffer;
  /** JSON of the CanonicalDocument */
  canonical: string;
  /** SHA-256 (hex) of `canonical` */
  hash: string;
  /** clauses changed since the previous version */
  changes: VersionChanges;
  authorId: Types.ObjectId;
  authorName: string;
  /** the freeze proposal this version confirmed, if any */
  proposalId: Types.ObjectId | null;
  createdAt: Date;
}

const schema = new Schema<VersionRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    number: { type: Number, required: true },
    name: { type: String, required: true },
    note: { type: String, default: null },
    state: { type: Buffer, required: true },
    canonical: { type: String, required: true },
    hash: { type: String, required: true },
    changes: {
      added: { type: Number, required: true },
      removed: { type: Number, required: true },
      modified: { type: Number, required: true },
      moved: { type: Number, required: true },
    },
    authorId: { type: Schema.Types.ObjectId, required: true },
    authorName: { type: String, required: true },
    proposalId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'versions', versionKey: false, strict: 'throw' },
);

export const Version = mongoose.model<VersionRecord>('Version', schema);
