import type { PresentedThread, ResolvedAnchor } from '@accord/shared';
import type { ThreadData } from '../comments/ThreadData.js';
import {
  canComment,
  canResolveThread,
  canSetThreadVisibility,
  type CommentViewer,
} from '../permissions/commentPermissions.js';
import { presentComment } from './presentComment.js';

/** A thread for one viewer (who may see it: callers check canSeeThread first). */
export function presentThread(
  thread: ThreadData,
  anchor: ResolvedAnchor | undefined,
  viewer: CommentViewer,
): PresentedThread {
  const root = thread.root;
  const mayResolve = canResolveThread(viewer, root);
  return {
    id: thread.id,
    documentId: thread.documentId,
    status: root.status,
    visibility: root.visibility,
    resolvedAt: root.resolvedAt?.toISOString() ?? null,
    resolvedBy: root.resolvedBy,
    anchor: anchor ?? missingAnchor(thread),
    comment: presentComment(root, viewer),
    replies: thread.replies.map((reply) => presentComment(reply, viewer)),
    updatedAt: thread.updatedAt.toISOString(),
    canReply: canComment(viewer.role),
    canResolve: mayResolve && root.status === 'open',
    canReopen: mayResolve && root.status === 'resolved',
    canSetVisibility: canSetThreadVisibility(viewer),
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
  };
}
