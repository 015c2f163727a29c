import type { PresentedThread, ResolvedAnchor } from '@accord/shared';
import type { ThreadData } from '../comments/ThreadData.js';
import {
  mayOffer,
  seesThreadAsAuthor,
  threadAudience,
  type CommentViewer,
} from '../permissions/commentPermissions.js';
import { presentComment } from './presentComment.js';
import { presentedName } from '../queries/formerMembers.js';

/** A thread for one viewer (who may see it: callers check canSeeThread first). */
export function presentThread(
  thread: ThreadData,
  anchor: ResolvedAnchor | undefined,
  viewer: CommentViewer,
): PresentedThread {
  const root = thread.root;
  const subject = { root, comment: root };
  return {
    id: thread.id,
    documentId: thread.documentId,
    status: root.status,
    visibility: root.visibility,
    seenAsAuthor: seesThreadAsAuthor(viewer, threadAudience(root)),
    resolvedAt: root.resolvedAt?.toISOString() ?? null,
    resolvedBy: root.resolvedBy && {
      ...root.resolvedBy,
      name: presentedName(root.resolvedBy.id, root.resolvedBy.name),
    },
    anchor: anchor ?? missingAnchor(thread),
    disposition: root.disposition
      ? {
          ...root.disposition,
          by: {
            ...root.disposition.by,
            name: presentedName(root.disposition.by.id, root.disposition.by.name),
          },
          at: root.disposition.at.toISOString(),
        }
      : null,
    comment: presentComment(root, root, viewer),
    replies: thread.replies.map((reply) => presentComment(reply, root, viewer)),
    updatedAt: thread.updatedAt.toISOString(),
    canReply: mayOffer(viewer, subject, 'reply'),
    canResolve: mayOffer(viewer, subject, 'resolve'),
    canReopen: mayOffer(viewer, subject, 'reopen'),
    canSetVisibility: mayOffer(viewer, subject, 'setVisibility'),
    canRecordDisposition: mayOffer(viewer, subject, 'recordDisposition'),
  };
}

/** A first comment stored without an anchor cannot be placed: show it as orphaned. */
function missingAnchor(thread: ThreadData): ResolvedAnchor {
  return {
    kind: 'clause',
    state: 'orphaned',
    moved: false,
    clauseId: thread.root.record.anchor?.clauseId ?? '',
    currentClauseId: null,
    quote: null,
    currentQuote: null,
    clause: null,
    original: { kind: null, number: null, label: null, path: null, parentId: null, index: 0 },
    start: null,
    end: null,
    originalStart: null,
    originalEnd: null,
    follow: null,
  };
}
