import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import { CLAUSE_STATUSES, type ClauseStatus } from '@accord/shared';

/**
 * A coordinator set a clause's negotiation status: insert-only under `<documentId>:<clauseId>:<seq>`
 * (seq from 1 per clause). The clause's status is its latest record (none: pending). Concurrent
 * settings of one clause try the same seq; the loser takes the next one, so none is lost.
 */
export interface ClauseStatusEventRecord {
  _id: string;
  documentId: Types.ObjectId;
  clauseId: string;
  seq: number;
  status: ClauseStatus;
  note: string | null;
  actorId: Types.ObjectId;
  at: Date;
}

const schema = new Schema<ClauseStatusEventRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true, index: true },
    clauseId: { type: String, required: true },
    seq: { type: Number, required: true },
    status: { type: String, enum: CLAUSE_STATUSES, required: true },
    note: { type: String, default: null },
    actorId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'clause_status_events', versionKey: false, strict: 'throw' },
);

export const ClauseStatusEvent = mongoose.model<ClauseStatusEventRecord>('ClauseStatusEvent', schema);
