import { extractMentions, type PresentedComment } from '@accord/shared';
import type { CommentState } from '../comments/foldComment.js';
import { mayOffer, type CommentViewer } from '../permissions/commentPermissions.js';
import { presentedName } from '../queries/formerMembers.js';

/**
 * One comment of the thread whose first comment is `root`, for one viewer: text only if they may
 * see it, and what they may do with it.
 */
export function presentComment(
  state: CommentState,
  root: CommentState,
  viewer: CommentViewer,
): PresentedComment {
  const record = state.record;
  const subject = { root, comment: state };
  // deleted text is shown with its history, to those who may see that (coordinators)
  const visibleText = mayOffer(viewer, subject, 'viewRevisions');
  const organisation = record.author.organisation;
  const body = visibleText ? state.body : null;
  return {
    id: record._id.toHexString(),
    threadId: record.threadId.toHexString(),
    parentId: record.parentId ? record.parentId.toHexString() : null,
    author: {
      id: record.authorId.toHexString(),
      name: presentedName(record.authorId, record.author.name),
      organisation: organisation
        ? {
            id: organisation.id.toHexString(),
            name: organisation.name,
            kind: organisation.kind,
            country: organisation.country,
          }
        : null,
    },
    createdAt: record.createdAt.toISOString(),
    body,
    mentions: body ? extractMentions(body) : [],
    revision: state.revision,
    edited: state.revision > 1,
    editedAt: state.editedAt?.toISOString() ?? null,
    deleted: state.deleted,
    deletedAt: state.deletedAt?.toISOString() ?? null,
    deletedBy: state.deletedBy && {
      ...state.deletedBy,
      name: presentedName(state.deletedBy.id, state.deletedBy.name),
    },
    canEdit: mayOffer(viewer, subject, 'edit'),
    canDelete: mayOffer(viewer, subject, 'delete'),
    canRestore: mayOffer(viewer, subject, 'restore'),
    canViewRevisions: visibleText,
  };
}
