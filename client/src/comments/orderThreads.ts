import type { ClauseCommentCounts, PresentedThread, ResolvedAnchor } from '@accord/shared';

/** A thread with its anchor as this browser's copy of the text resolves it now. */
export interface LiveThread {
  thread: PresentedThread;
  anchor: ResolvedAnchor;
  /** document order: ProseMirror position of the anchor (orphans last) */
  order: number;
}

export interface OrderedThreads {
  threads: LiveThread[];
  /** open / resolved threads per clause id (current clause; orphans under the stored one) */
  counts: Record<string, ClauseCommentCounts>;
}

/**
 * Threads in the order of the text (by the position of their clause; orphans last, in the order
 * they were written), with their counts per clause. Items that did not change are the objects of
 * `previous`; a range keeps the finer position it got from the last highlight pass.
 */
export function orderThreads(
  threads: ReadonlyMap<string, PresentedThread>,
  anchors: ReadonlyMap<string, ResolvedAnchor>,
  clausePositions: ReadonlyMap<string, number>,
  previous: readonly LiveThread[],
): OrderedThreads {
  const before = new Map(previous.map((live) => [live.thread.id, live]));
  const live: LiveThread[] = [];
  const counts: Record<string, ClauseCommentCounts> = {};
  for (const [id, thread] of threads) {
    const anchor = anchors.get(id) ?? thread.anchor;
    const clauseId = anchor.currentClauseId ?? anchor.clauseId;
    const count = (counts[clauseId] ??= { open: 0, resolved: 0 });
    count[thread.status === 'open' ? 'open' : 'resolved'] += 1;
    let order = Number.MAX_SAFE_INTEGER - 10_000 + anchor.original.index;
    const clausePos = anchor.currentClauseId ? clausePositions.get(anchor.currentClauseId) : undefined;
    if (clausePos !== undefined) order = clausePos;
    const old = before.get(id);
    if (anchor.start && anchor.end && old?.anchor.start === anchor.start && old.order >= (clausePos ?? 0)) {
      order = old.order;
    }
    live.push(
      old && old.thread === thread && old.anchor === anchor && old.order === order
        ? old
        : { thread, anchor, order },
    );
  }
  return { threads: live.sort(byOrder), counts };
}

/**
 * The threads again with ranges placed where their highlights start (`starts`: thread id →
 * ProseMirror position), or null when no position changed.
 */
export function placeRanges(
  threads: readonly LiveThread[],
  starts: ReadonlyMap<string, number>,
): LiveThread[] | null {
  let moved = false;
  const placed = threads.map((item) => {
    const from = starts.get(item.thread.id);
    if (from === undefined || from === item.order) return item;
    moved = true;
    return { ...item, order: from };
  });
  if (!moved) return null;
  placed.sort(byOrder);
  return placed;
}

/** Whether two lists hold the same items in the same order. */
export function sameThreads(a: readonly LiveThread[], b: readonly LiveThread[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function byOrder(a: LiveThread, b: LiveThread): number {
  return a.order - b.order || a.thread.comment.createdAt.localeCompare(b.thread.comment.createdAt);
}
