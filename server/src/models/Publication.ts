import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import { DOCUMENT_KINDS, EXPORT_FORMATS, type DocumentKind, type ExportFormat } from '@accord/shared';

/** SHA-256 (hex) of each export format's bytes, as rendered at publication. */
export type PublicationHashes = Record<ExportFormat, string>;

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
}

const hashes = Object.fromEntries(
  EXPORT_FORMATS.map((format) => [format, { type: String, required: true }]),
) as Record<ExportFormat, { type: StringConstructor; required: true }>;

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
  },
  { collection: 'publications', versionKey: false, strict: 'throw' },
);

// the list of a document's publications (on MongoDB; FerretDB 1.24 scans, and they are few)
schema.index({ documentId: 1 });

export const Publication = mongoose.model<PublicationRecord>('Publication', schema);
