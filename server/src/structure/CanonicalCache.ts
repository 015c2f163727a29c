import type { CanonicalDocument } from '@accord/shared';

/**
 * The last canonical rendering of each recently read document, keyed by a fingerprint of its Yjs
 * state (state vector + delete set): equal fingerprints mean equal content, so a rendering is
 * reused until the next change, whether the document is open in a room or loaded from the
 * database. Bounded: the least recently used documents are dropped first.
 */
export class CanonicalCache {
  private readonly entries = new Map<string, { fingerprint: string; rendering: CanonicalDocument }>();

  constructor(private readonly maxDocuments = 200) {}

  get(documentId: string, fingerprint: string): CanonicalDocument | undefined {
    const entry = this.entries.get(documentId);
    if (!entry || entry.fingerprint !== fingerprint) return undefined;
    this.entries.delete(documentId);
    this.entries.set(documentId, entry);
    return entry.rendering;
  }

  set(documentId: string, fingerprint: string, rendering: CanonicalDocument): void {
    this.entries.delete(documentId);
    this.entries.set(documentId, { fingerprint, rendering });
    while (this.entries.size > this.maxDocuments) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }
}
