/**
 * The key of a document's n-th record in an insert-only sequence (stored Yjs updates and
 * snapshots, versions, workflow events …): `<documentId>:<n>`, n counting from 1. The unique `_id`
 * is the compare-and-swap between concurrent writers (DESIGN.md §2), and a lookup by `_id` is the
 * one query FerretDB 1.24 answers from an index. A string, because FerretDB indexes only string
 * and ObjectId `_id`s.
 */
export function sequenceKey(documentId: string, n: number): string {
  return `${documentId}:${n}`;
}
