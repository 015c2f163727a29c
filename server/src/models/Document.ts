import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import {
  DOCUMENT_KINDS,
  DOCUMENT_LANGUAGES,
  SCHEMA_VERSION,
  WORKFLOW_STATES,
  type WorkflowState,
  type DocumentKind,
  type DocumentLanguage,
} from '@accord/shared';

export interface DocumentRecord {
  _id: Types.ObjectId;
  title: string;
  kind: DocumentKind;
  language: DocumentLanguage;
  /**
   * The workflow state as last written, for lists; the workflow_events records are the truth
   * (queries/currentWorkflow.ts).
   */
  state: WorkflowState;
  /** publications have public pages (set by a coordinator) */
  public: boolean;
  /** when a coordinator archived it (null: not archived); records from before have none */
  archivedAt?: Date | null;
  /** the editor schema version the document's content was written with */
  schemaVersion: number;
  createdBy: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<DocumentRecord>(
  {
    title: { type: String, required: true },
    kind: { type: String, enum: DOCUMENT_KINDS, required: true, default: 'other' },
    language: { type: String, enum: DOCUMENT_LANGUAGES, required: true, default: 'en' },
    state: { type: String, enum: WORKFLOW_STATES, required: true, default: 'drafting' },
    public: { type: Boolean, required: true, default: false },
    archivedAt: { type: Date, default: null },
    schemaVersion: { type: Number, required: true, default: SCHEMA_VERSION },
    createdBy: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: true, strict: 'throw' },
);

/** Named `DocumentModel` so it does not shadow the DOM's `Document` in shared type contexts. */
export const DocumentModel = mongoose.model<DocumentRecord>('Document', schema, 'documents');
