import {
  MENTION_PATTERN,
  findMatches,
  snippetAround,
  type Role,
  type SearchCommentHit,
} from '@accord/shared';
import { commentCache } from '../comments/CommentCache.js';
import type { CommentState } from '../comments/foldComment.js';
import { canSeeThread, threadAudience } from '../permissions/commentPermissions.js';

/** comment hits listed per document at most */
const MAX_COMMENT_HITS = 3;

/**
 * The comments of one document that `viewer` may see (canSeeThread: team-only threads only for the
 * drafting team and their author) and that contain the query, as written now (not deleted ones,
 * not earlier revisions). Mentions are matched as they are shown: "@Name".
 */
export async function searchComments(
  documentId: string,
  viewer: { userId: string; role: Role },
  query: string,
): Promise<{ hits: SearchCommentHit[]; more: boolean }> {
  const { threads } = await commentCache.threads(documentId);
  const hits: SearchCommentHit[] = [];
  let more = false;
  for (const thread of threads) {
    if (!canSeeThread(viewer, threadAudience(thread.root))) continue;
    for (const comment of [thread.root, ...thread.replies]) {
      const hit = commentHit(thread.id, thread.root, comment, query);
      if (!hit) continue;
      if (hits.length === MAX_COMMENT_HITS) {
        more = true;
        break;
      }
      hits.push(hit);
    }
  }
  return { hits, more };
}

function commentHit(
  threadId: string,
  root: CommentState,
  comment: CommentState,
  query: string,
): SearchCommentHit | null {
  if (comment.deleted || !comment.body) return null;
  const shown = comment.body.replace(MENTION_PATTERN, (_all, name: string) => `@${name}`);
  const [match] = findMatches(shown, query, 1);
  if (!match) return null;
  const snippet = snippetAround(shown, match);
  return {
    threadId,
    commentId: comment.record._id.toHexString(),
    authorName: comment.events.find((e) => e.type === 'revision')?.actorName ?? '',
    clauseId: root.record.anchor?.clauseId ?? null,
    snippet: snippet.text,
    match: snippet.match,
    cutBefore: snippet.cutBefore,
    cutAfter: snippet.cutAfter,
  };
}
