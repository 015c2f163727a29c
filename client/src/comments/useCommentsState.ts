import { useSyncExternalStore } from 'react';
import type { CommentsState, DocumentComments } from './DocumentComments';

/** The comments of a document as the session has them now; re-renders on every change. */
export function useCommentsState(comments: DocumentComments): CommentsState {
  return useSyncExternalStore(comments.subscribe, comments.getState);
}
