/**
 * Keys of a document's stored Yjs state: update `seq` and snapshot `seq` each count from 1 per
 * document. Strings, because FerretDB 1.24 answers from an index only `{ _id: <string or ObjectId> }`.
 */
export function stateKey(documentId: string, seq: number): string {
  return `${documentId}:${seq}`;
}
