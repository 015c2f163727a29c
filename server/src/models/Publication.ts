import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import { DOCUMENT_KINDS, EXPORT_FORMATS, type DocumentKind, type ExportFormat } from '@accord/shared';

/** SHA-256 (hex) of each export format's bytes, as rendered at publication. */
export type PublicationHashes = Record<ExportFormat, string>;

/**
 * The sign-off as it stood when the version was published (publications of a version with a
 * sign-off round only): the organisations whose latest decision was an endorsement, and the
 * override when it was published without every endorsement. Its exports show it, from here.
 */
export interface PublicationSignoffRecord {
  endorsements: {
    organisationId: Types.ObjectId;
    organisation: string;
    country: string;
    /** the member who endorsed for the organisation */
    by: string;
    at: Date;
    note: string | null;
  }[];
  override: { reason: string; by: string; at: Date } | null;
}

/**
 * A published version, immutable (no route changes or deletes one). `_id` is the stable public
 * id (the page `/p/<id>`). Its uniqueness lives in publication_keys (PublicationKey.ts): one
 * version is published once, and one number ("1.1") is given once. It keeps everything an export
 * of it renders from besides the version itself (kind, creation date of the document, date), so
 * re-rendering it later gives the bytes whose hashes it stores.
 */
export interface PublicationRecord {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  versionNumber: number;
  /** "1.0", "1.1", "2.0" … */
  number: string;
  major: number;
  minor: number;
  hashes: PublicationHashes;
  /** the version's hash: SHA-256 of its canonical rendering */
  canonicalHash: string;
  /** the document's kind and creation date when published (exports render from them) */
  documentKind: DocumentKind;
  documentCreatedAt: Date;
  publishedById: Types.ObjectId;
  publishedByName: string;
  publishedAt: Date;
  /** absent on publications without a sign-off round, and on those published before it existed */
  signoff?: PublicationSignoffRecord;
}

const hashes = Object.fromEntries(
  EXPORT_FORMATS.map((format) => [format, { type: String, required: true }]),
) as Record<ExportFormat, { type: StringConstructor; required: true }>;

const signoff = new Schema<PublicationSignoffRecord>(
  {
    endorsements: [
      new Schema(
        {
          organisationId: { type: Schema.Types.ObjectId, required: true },
          organisation: { type: String, required: true },
          country: { type: String, default: '' },
          by: { type: String, default: '' },
          at: { type: Date, required: true },
          note: { type: String, default: null },
        },
        { _id: false },
      ),
    ],
    override: {
      type: new Schema({ reason: String, by: String, at: Date }, { _id: false }),
      default: null,
    },
  },
  { _id: false },
);

const schema = new Schema<PublicationRecord>(
  {
    documentId: { type: Schema.Types.ObjectId, required: true },
    versionNumber: { type: Number, required: true },
    number: { type: String, required: true },
    major: { type: Number, required: true },
    minor: { type: Number, required: true },
    hashes,
    canonicalHash: { type: String, required: true },
    documentKind: { type: String, enum: DOCUMENT_KINDS, required: true },
    documentCreatedAt: { type: Date, required: true },
    publishedById: { type: Schema.Types.ObjectId, required: true },
    publishedByName: { type: String, required: true },
    publishedAt: { type: Date, required: true },
    signoff: { type: signoff, default: undefined },
  },
  { collection: 'publications', versionKey: false, strict: 'throw' },
);

// the list of a document's publications (on MongoDB; FerretDB 1.24 scans, and they are few)
schema.index({ documentId: 1 });

export const Publication = mongoose.model<PublicationRecord>('Publication', schema);
