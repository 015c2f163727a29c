import type { ResolvedAnchor } from '@accord/shared';
import type { ThreadData } from '../comments/ThreadData.js';
import type { CommentViewer } from '../permissions/commentPermissions.js';
import { presentThread } from './presentThread.js';

interface Presented {
  anchor: ResolvedAnchor | undefined;
  json: string;
}

/**
 * presentThread, serialised, memoised. A thread's presentation depends on the thread (its
 * ThreadData object is rebuilt whenever any comment record is added), its resolved anchor (a new
 * object whenever the text changed) and, for the viewer, only on their role and which comments of
 * the thread they wrote. So viewers alike share one serialisation, and a long comment list is
 * served without re-serialising threads that did not change.
 */
const memo = new WeakMap<ThreadData, Map<string, Presented>>();

export function presentThreadJson(
  thread: ThreadData,
  anchor: ResolvedAnchor | undefined,
  viewer: CommentViewer,
  /** the first comment only, with the number of replies left out (a low-data list) */
  withoutReplies = false,
): string {
  let authored = '';
  for (const comment of [thread.root, ...thread.replies])
    authored += comment.record.authorId.toHexString() === viewer.userId ? '1' : '0';
  const omitted = withoutReplies ? thread.replies.length : 0;
  const key = `${viewer.role}|${authored}|${omitted > 0 ? 'first' : 'all'}`;
  let byViewer = memo.get(thread);
  if (!byViewer) memo.set(thread, (byViewer = new Map()));
  const known = byViewer.get(key);
  if (known && known.anchor === anchor) return known.json;
  const presented = presentThread(thread, anchor, viewer);
  const json = JSON.stringify(
    omitted > 0 ? { ...presented, replies: [], repliesOmitted: omitted } : presented,
  );
  byViewer.set(key, { anchor, json });
  return json;
}
