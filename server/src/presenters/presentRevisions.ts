import type { CommentRevisionsResponse } from '@accord/shared';
import type { CommentState } from '../comments/foldComment.js';
import { presentedName } from '../queries/formerMembers.js';

/** The full history of a comment: every text it had and every change, with who and when. */
export function presentRevisions(state: CommentState): CommentRevisionsResponse {
  const actor = (e: CommentState['events'][number]) => ({
    id: e.actorId.toHexString(),
    name: presentedName(e.actorId, e.actorName),
  });
  return {
    commentId: state.record._id.toHexString(),
    revisions: state.events
      .filter((e) => e.type === 'revision')
      .map((e) => ({
        revision: e.revision ?? 0,
        body: e.body ?? '',
        author: actor(e),
        at: e.at.toISOString(),
      })),
    events: state.events.map((e) => ({
      seq: e.seq,
      type: e.type,
      actor: actor(e),
      at: e.at.toISOString(),
      ...(e.type === 'revision' ? { revision: e.revision ?? 0 } : {}),
      ...(e.type === 'visibility' && e.visibility ? { visibility: e.visibility } : {}),
      ...(e.type === 'disposition' && e.disposition
        ? { disposition: { value: e.disposition, reason: e.reason ?? null } }
        : {}),
    })),
  };
}
