import { useSyncExternalStore } from 'react';
import type { ClauseCommentCounts } from '@accord/shared';
import type { CollabSession } from '../collab/CollabSession';

const NONE: Record<string, ClauseCommentCounts> = {};
const noop = () => () => {};

/**
 * Open and resolved comment threads per clause id, live (for the outline's counts). Keys are the
 * clause each thread belongs to now; orphaned threads count under the clause they were written on.
 * The object changes identity only when a count changes.
 */
export function useCommentCounts(session: CollabSession | null): Record<string, ClauseCommentCounts> {
  const comments = session?.comments ?? null;
  return useSyncExternalStore(comments ? comments.subscribe : noop, () =>
    comments ? comments.getState().counts : NONE,
  );
}
