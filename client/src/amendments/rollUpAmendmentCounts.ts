import { rollUpCommentCounts } from '../outline/rollUpCommentCounts';

/** Open amendments per listed outline clause (those on paragraphs and points count on their article). */
export function rollUpAmendmentCounts(
  counts: Readonly<Record<string, number>>,
  listed: ReadonlySet<string>,
  parentOf: (clauseId: string) => string | null | undefined,
): Record<string, number> {
  const asThreads = Object.fromEntries(
    Object.entries(counts).map(([id, open]) => [id, { open, resolved: 0 }]),
  );
  return rollUpCommentCounts(asThreads, listed, parentOf);
}
