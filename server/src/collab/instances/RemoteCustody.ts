import { mergeUpdates } from '../mergeUpdates.js';
import { groupBy } from '@accord/shared';
import type { PersistenceQueue } from '../PersistenceQueue.js';

interface Held {
  documentId: string;
  seq: number;
  update: Uint8Array;
}

interface Origin {
  /** when it was last heard of (a stored notice, or an update) */
  heardAt: number;
  held: Held[];
}

/**
 * Custody of other instances' updates until they are stored. Each instance stores only what its
 * own clients sent; an update another instance sent here is kept until that instance says it has
 * stored through the update's sequence number. If that instance falls silent (it died before
 * storing, and its clients, now synced with this one, will not send the update again), this one
 * stores what it kept. When this instance lets go of a document, it stores what it still keeps of
 * it: a duplicate record at worst (Yjs applies an update once).
 */
export class RemoteCustody {
  private readonly origins = new Map<string, Origin>();

  constructor(
    private readonly queue: PersistenceQueue,
    /** an origin not heard of for this long is taken for dead */
    private readonly silenceMs: number,
  ) {}

  keep(from: string, documentId: string, seq: number, update: Uint8Array): void {
    const origin = this.origin(from);
    origin.heardAt = Date.now();
    origin.held.push({ documentId, seq, update });
  }

  /** `from` has stored every update up to `through`. */
  stored(from: string, through: number): void {
    const origin = this.origin(from);
    origin.heardAt = Date.now();
    if (origin.held.length > 0) origin.held = origin.held.filter((h) => h.seq > through);
  }

  /** Stores what silent origins left here; forgets origins with nothing kept. */
  sweep(now = Date.now()): void {
    for (const [id, origin] of this.origins) {
      if (now - origin.heardAt <= this.silenceMs) continue;
      this.store(origin.held);
      this.origins.delete(id);
    }
  }

  /** Stores what is kept of a document (this instance closes it). */
  release(documentId: string): void {
    for (const origin of this.origins.values()) {
      const mine = origin.held.filter((h) => h.documentId === documentId);
      if (mine.length === 0) continue;
      origin.held = origin.held.filter((h) => h.documentId !== documentId);
      this.store(mine);
    }
  }

  /** Stores everything kept (this instance stops). */
  releaseAll(): void {
    for (const origin of this.origins.values()) this.store(origin.held);
    this.origins.clear();
  }

  /** Updates kept (for tests and stats). */
  get size(): number {
    let n = 0;
    for (const origin of this.origins.values()) n += origin.held.length;
    return n;
  }

  private store(held: Held[]): void {
    for (const [documentId, kept] of groupBy(held, (h) => h.documentId)) {
      const updates = kept.map((h) => h.update);
      this.queue.enqueue(documentId, updates.length === 1 ? updates[0]! : mergeUpdates(updates), null);
    }
  }

  private origin(id: string): Origin {
    let origin = this.origins.get(id);
    if (!origin) this.origins.set(id, (origin = { heardAt: Date.now(), held: [] }));
    return origin;
  }
}
