import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

export interface DocumentTextPiece {
  /** null: text outside clauses (preamble, final formula, loose text) */
  clauseId: string | null;
  heading: string | null;
  text: string;
}

/**
 * A document's text as plain strings, for search (search/README in server/src/search). Derived
 * from the Yjs state and overwritten whole whenever it is derived again: it is a cache of the
 * text, never the truth, so a lost overwrite only leaves it behind until the next edit.
 */
export interface DocumentTextRecord {
  /** the document's id */
  _id: Types.ObjectId;
  pieces: DocumentTextPiece[];
  /** every piece folded (foldForSearch) and joined: what the database searches */
  folded: string;
  derivedAt: Date;
}

const pieceSchema = new Schema<DocumentTextPiece>(
  {
    clauseId: { type: String, default: null },
    heading: { type: String, default: null },
    text: { type: String, required: true },
  },
  { _id: false },
);

const schema = new Schema<DocumentTextRecord>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    pieces: { type: [pieceSchema], default: [] },
    folded: { type: String, default: '' },
    derivedAt: { type: Date, required: true },
  },
  // the text index on `folded` is created by TextSearchEngine where the database has text search
  { collection: 'document_texts', versionKey: false, strict: 'throw' },
);

export const DocumentText = mongoose.model<DocumentTextRecord>('DocumentText', schema);
