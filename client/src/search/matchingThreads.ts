import { MENTION_PATTERN, findMatches, type PresentedThread } from '@accord/shared';

/** A thread with a comment containing the query, and that comment's text around the match. */
export interface ThreadMatch {
  threadId: string;
  authorName: string;
  text: string;
  match: { start: number; end: number };
}

/** The threads (of those the viewer has) with a comment that contains `query`, in the given order. */
export function matchingThreads(threads: readonly PresentedThread[], query: string): ThreadMatch[] {
  if (!query.trim()) return [];
  const found: ThreadMatch[] = [];
  for (const thread of threads) {
    for (const comment of [thread.comment, ...thread.replies]) {
      if (comment.deleted || !comment.body) continue;
      const text = comment.body.replace(MENTION_PATTERN, (_all, name: string) => `@${name}`);
      const [match] = findMatches(text, query, 1);
      if (!match) continue;
      found.push({ threadId: thread.id, authorName: comment.author.name, text, match });
      break;
    }
  }
  return found;
}
