import type { CommentListResponse } from '@accord/shared';
import type { ThreadListing } from '../queries/listThreadsForViewer.js';
import { canComment, canCreateTeamThreads, type CommentViewer } from '../permissions/commentPermissions.js';
import { presentThreadJson } from './presentThreadJson.js';

/**
 * A document's comment list for one viewer, as the JSON text of a CommentListResponse: each
 * thread's serialisation is memoised (presentThreadJson), so a long list is served without
 * re-serialising threads that did not change; the rest is small and built each time.
 */
export function presentThreadList(
  listing: ThreadListing,
  viewer: CommentViewer,
  withoutReplies = false,
): string {
  const rest: Omit<CommentListResponse, 'threads'> = {
    clauseCounts: listing.clauseCounts,
    facets: listing.facets,
    viewer: { canComment: canComment(viewer.role), canCreateTeamThreads: canCreateTeamThreads(viewer.role) },
  };
  const threads = listing.threads.map(({ thread, anchor }) =>
    presentThreadJson(thread, anchor, viewer, withoutReplies),
  );
  return `{"threads":[${threads.join(',')}],${JSON.stringify(rest).slice(1)}`;
}
