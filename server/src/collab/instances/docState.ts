import { createHash } from 'node:crypto';
import * as Y from 'yjs';

/** A digest of everything the document has deleted (state vectors do not show deletions). */
export function deletionDigest(doc: Y.Doc): string {
  // an update from the document's own state vector holds its delete set and nothing else
  const deletions = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc));
  return createHash('sha256').update(deletions).digest('base64url');
}

/**
 * Whether `doc` has something a replica with state vector `theirs` and deletion digest
 * `theirDigest` lacks: an item it has not seen, or deletions that differ.
 */
export function hasNewsFor(
  doc: Y.Doc,
  theirs: Uint8Array,
  theirDigest: string,
  ourDigest = deletionDigest(doc),
): boolean {
  const their = Y.decodeStateVector(theirs);
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    if (clock > (their.get(client) ?? 0)) return true;
  }
  return ourDigest !== theirDigest;
}

/** Whether a replica with state vector `theirs` has items `doc` has not seen. */
export function lacksNewsFrom(doc: Y.Doc, theirs: Uint8Array): boolean {
  const ours = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of Y.decodeStateVector(theirs)) {
    if (clock > (ours.get(client) ?? 0)) return true;
  }
  return false;
}
