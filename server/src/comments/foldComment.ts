import type { CommentDisposition, CommentStatus, CommentVisibility } from '@accord/shared';
import type { CommentRecord } from '../models/Comment.js';
import type { CommentEventRecord } from '../models/CommentEvent.js';

export interface Actor {
  id: string;
  name: string;
}

/** A coordinator's answer to a thread, as recorded. */
export interface DispositionState {
  value: CommentDisposition;
  reason: string | null;
  by: Actor;
  at: Date;
}

/** A comment's current state: its immutable record with its events folded in seq order. */
export interface CommentState {
  record: CommentRecord;
  events: CommentEventRecord[];
  /** seq of the latest event (the next change takes lastSeq + 1) */
  lastSeq: number;
  revision: number;
  /** null only if the first revision is missing (a half-written comment) */
  body: string | null;
  editedAt: Date | null;
  deleted: boolean;
  deletedAt: Date | null;
  deletedBy: Actor | null;
  /** thread state; meaningful on a thread's first comment */
  status: CommentStatus;
  resolvedAt: Date | null;
  resolvedBy: Actor | null;
  visibility: CommentVisibility;
  /** the latest disposition (thread state, on a thread's first comment) */
  disposition: DispositionState | null;
  updatedAt: Date;
}

/** Folds `events` (of this comment, any order) into its current state. */
export function foldComment(record: CommentRecord, events: CommentEventRecord[]): CommentState {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const state: CommentState = {
    record,
    events: sorted,
    lastSeq: 0,
    revision: 0,
    body: null,
    editedAt: null,
    deleted: false,
    deletedAt: null,
    deletedBy: null,
    status: 'open',
    resolvedAt: null,
    resolvedBy: null,
    visibility: record.visibility ?? 'all',
    disposition: null,
    updatedAt: record.createdAt,
  };
  for (const event of sorted) {
    const actor = { id: event.actorId.toHexString(), name: event.actorName };
    state.lastSeq = event.seq;
    if (event.at > state.updatedAt) state.updatedAt = event.at;
    switch (event.type) {
      case 'revision':
        state.revision = event.revision ?? state.revision + 1;
        state.body = event.body;
        if (state.revision > 1) state.editedAt = event.at;
        break;
      case 'delete':
        state.deleted = true;
        state.deletedAt = event.at;
        state.deletedBy = actor;
        break;
      case 'restore':
        state.deleted = false;
        state.deletedAt = null;
        state.deletedBy = null;
        break;
      case 'resolve':
        state.status = 'resolved';
        state.resolvedAt = event.at;
        state.resolvedBy = actor;
        break;
      case 'reopen':
        state.status = 'open';
        state.resolvedAt = null;
        state.resolvedBy = null;
        break;
      case 'visibility':
        if (event.visibility) state.visibility = event.visibility;
        break;
      case 'disposition':
        if (event.disposition)
          state.disposition = {
            value: event.disposition,
            reason: event.reason ?? null,
            by: actor,
            at: event.at,
          };
        break;
    }
  }
  return state;
}
