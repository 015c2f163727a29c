import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import { WORKFLOW_STATES, type WorkflowState } from '@accord/shared';

/**
 * A change of a document's workflow state, insert-only under `<documentId>:<seq>`: the current
 * state is the latest record (none: drafting, unlocked). Two coordinators changing it at once both
 * try the same seq; the unique insert lets one win and the other gets 409.
 */
export interface WorkflowEventRecord {
  _id: string;
  documentId: Types.ObjectId;
  seq: number;
  state: WorkflowState;
  /** the text is locked for everyone (review with a lock, final, published) */
  textLocked: boolean;
  note: string | null;
  /** the version published, for a change to `published` */
  publicationId: Types.ObjectId | null;
  actorId: Types.ObjectId;
  at: Date;
}

const schema = new Schema<WorkflowEventRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    state: { type: String, enum: WORKFLOW_STATES, required: true },
    textLocked: { type: Boolean, required: true },
    note: { type: String, default: null },
    publicationId: { type: Schema.Types.ObjectId, default: null },
    actorId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'workflow_events', versionKey: false, strict: 'throw' },
);

export const WorkflowEvent = mongoose.model<WorkflowEventRecord>('WorkflowEvent', schema);
