import { useSyncExternalStore } from 'react';
import type { CommentsController, CommentsState } from './CommentsController';

/** The comments of a document as the controller has them now; re-renders on every change. */
export function useCommentsState(controller: CommentsController): CommentsState {
  return useSyncExternalStore(controller.subscribe, controller.getState);
}
