import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import {
  COMMENT_VISIBILITIES,
  ORGANISATION_KINDS,
  type CommentVisibility,
  type OrganisationKind,
} from '@accord/shared';

/** The author as they were when they wrote the comment (organisations change; comments do not). */
export interface CommentAuthorSnapshot {
  name: string;
  organisation: { id: Types.ObjectId; name: string; kind: OrganisationKind; country: string } | null;
}

export interface StoredAnchorRecord {
  kind: 'clause' | 'range';
  clauseId: string;
  start: Buffer | null;
  end: Buffer | null;
  /** the text after the quote (range anchors written since issue 12); see StoredAnchor.follow */
  follow?: string | null;
  quote: string | null;
  clause: {
    kind: string | null;
    number: string | null;
    label: string | null;
    path: string | null;
    parentId: string | null;
    index: number;
  };
  versionNumber: number | null;
}

/**
 * One comment, as immutable facts: who wrote it where and when. Everything that changes (text,
 * deletion, resolution, visibility) is a comment_events record. A thread is its first comment
 * (threadId = own id, parentId null, with the anchor) and the replies to it.
 */
export interface CommentRecord {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  threadId: Types.ObjectId;
  parentId: Types.ObjectId | null;
  authorId: Types.ObjectId;
  author: CommentAuthorSnapshot;
  /** first comments only */
  anchor: StoredAnchorRecord | null;
  /** visibility the thread was opened with (first comments; changes are events) */
  visibility: CommentVisibility;
  createdAt: Date;
}

const organisationSnapshot = new Schema(
  {
    id: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: ORGANISATION_KINDS, required: true },
    country: { type: String, required: true },
  },
  { _id: false, strict: 'throw' },
);

const anchorSchema = new Schema(
  {
    kind: { type: String, enum: ['clause', 'range'], required: true },
    clauseId: { type: String, required: true },
    start: { type: Buffer, default: null },
    end: { type: Buffer, default: null },
    follow: { type: String, default: null },
    quote: { type: String, default: null },
    clause: {
      kind: { type: String, default: null },
      number: { type: String, default: null },
      label: { type: String, default: null },
      path: { type: String, default: null },
      parentId: { type: String, default: null },
      index: { type: Number, required: true },
    },
    versionNumber: { type: Number, default: null },
  },
  { _id: false, strict: 'throw' },
);

const schema = new Schema<CommentRecord>(
  {
    documentId: { type: Schema.Types.ObjectId, required: true },
    threadId: { type: Schema.Types.ObjectId, required: true },
    parentId: { type: Schema.Types.ObjectId, default: null },
    authorId: { type: Schema.Types.ObjectId, required: true },
    author: {
      name: { type: String, required: true },
      organisation: { type: organisationSnapshot, default: null },
    },
    anchor: { type: anchorSchema, default: null },
    visibility: { type: String, enum: COMMENT_VISIBILITIES, required: true, default: 'all' },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { strict: 'throw', versionKey: false, minimize: false },
);

schema.index({ documentId: 1, createdAt: 1 });
schema.index({ threadId: 1 });

export const Comment = mongoose.model<CommentRecord>('Comment', schema, 'comments');
