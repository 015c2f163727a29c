import { storedAnchorOf, type PresentedThread, type ResolvedAnchor, type StoredAnchor } from '@accord/shared';

/**
 * Each thread's anchor resolved again against this browser's copy of the text (from the range
 * the server last resolved). An anchor that resolves as before keeps its object, so what shows
 * it need not render again.
 */
export function resolveAnchors(
  threads: ReadonlyMap<string, PresentedThread>,
  resolve: (anchor: StoredAnchor) => ResolvedAnchor,
  previous: ReadonlyMap<string, ResolvedAnchor>,
): Map<string, ResolvedAnchor> {
  const next = new Map<string, ResolvedAnchor>();
  for (const [id, thread] of threads) {
    const resolved = resolve(toResolveAgain(thread.anchor));
    const before = previous.get(id);
    next.set(id, before && sameAnchor(before, resolved) ? before : resolved);
  }
  return next;
}

/** The stored anchor to resolve a server-resolved one again from (its current range). */
export function toResolveAgain(anchor: ResolvedAnchor): StoredAnchor {
  return { ...storedAnchorOf(anchor), start: anchor.start, end: anchor.end };
}

function sameAnchor(a: ResolvedAnchor, b: ResolvedAnchor): boolean {
  return (
    a.state === b.state &&
    a.moved === b.moved &&
    a.currentClauseId === b.currentClauseId &&
    a.currentQuote === b.currentQuote &&
    a.start === b.start &&
    a.end === b.end &&
    a.clause?.label === b.clause?.label &&
    a.clause?.index === b.clause?.index
  );
}
