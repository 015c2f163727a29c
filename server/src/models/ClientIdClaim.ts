import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

/**
 * Who may write content under a Yjs client id in a document: the first user whose update used it.
 * Insert-only under `<documentId>:<clientId>`: the unique insert is the compare-and-swap between
 * two users (or two server processes) claiming one id at once, and a lookup by `_id` is the one
 * query FerretDB 1.24 answers from an index. Never changed or deleted.
 */
export interface ClientIdClaimRecord {
  _id: string;
  documentId: Types.ObjectId;
  clientId: number;
  userId: Types.ObjectId;
  at: Date;
}

const schema = new Schema<ClientIdClaimRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    clientId: { type: Number, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'client_ids', versionKey: false, strict: 'throw' },
);

export function clientIdClaimKey(documentId: string, clientId: number): string {
  return `${documentId}:${clientId}`;
}

export const ClientIdClaim = mongoose.model<ClientIdClaimRecord>('ClientIdClaim', schema);
