import { Types } from 'mongoose';
import {
  Amendment,
  fromStoredAmendment,
  type AmendmentRecord,
  type StoredAmendment,
} from '../models/Amendment.js';
import {
  AmendmentEvent,
  fromStoredAmendmentEvent,
  type AmendmentEventRecord,
  type StoredAmendmentEvent,
} from '../models/AmendmentEvent.js';

const MAX_DOCUMENTS = 200;
/** how old a copy may get before a read refreshes it (other server processes' amendments) */
const REFRESH_AFTER_MS = 5_000;

interface Entry {
  amendments: Map<string, AmendmentRecord>;
  events: Map<string, AmendmentEventRecord>;
  loadedAt: number;
  loading: Promise<void> | null;
  /** another instance changed the amendments: the next read waits for a fresh load */
  stale: boolean;
}

/**
 * The amendments and their events of recently used documents, in memory (as CommentCache does
 * for comments): both collections are insert-only, so the copy is never wrong, only possibly
 * behind another process; every write is still decided by the unique keys in the database.
 */
export class AmendmentCache {
  private readonly entries = new Map<string, Entry>();

  async read(documentId: string): Promise<{ amendments: AmendmentRecord[]; events: AmendmentEventRecord[] }> {
    const entry = await this.entry(documentId);
    return { amendments: [...entry.amendments.values()], events: [...entry.events.values()] };
  }

  async readOne(
    documentId: string,
    amendmentId: string,
  ): Promise<{ amendment: AmendmentRecord | undefined; events: AmendmentEventRecord[] }> {
    const entry = await this.entry(documentId);
    const amendment = entry.amendments.get(amendmentId);
    const events = [...entry.events.values()].filter((e) => e.amendmentId.toHexString() === amendmentId);
    return { amendment, events };
  }

  /** Reads one amendment's events from the database (after losing a race: it has the winner). */
  async reloadEvents(documentId: string, amendmentId: string): Promise<AmendmentEventRecord[]> {
    const stored = await AmendmentEvent.find({ amendmentId: new Types.ObjectId(amendmentId) }).lean<
      StoredAmendmentEvent[]
    >();
    const events = stored.map(fromStoredAmendmentEvent);
    this.addEvents(documentId, events);
    return events;
  }

  /**
   * Another instance of Accord changed the document's amendments (its live event crossed over
   * Redis): the next read loads them again first, so a client that fetches on the event gets it.
   */
  markStale(documentId: string): void {
    const entry = this.entries.get(documentId);
    if (entry) entry.stale = true;
  }

  addAmendment(record: AmendmentRecord): void {
    this.entries.get(record.documentId.toHexString())?.amendments.set(record._id.toHexString(), record);
  }

  addEvents(documentId: string, events: readonly AmendmentEventRecord[]): void {
    const entry = this.entries.get(documentId);
    if (!entry) return;
    for (const event of events) entry.events.set(event._id, event);
  }

  private async entry(documentId: string): Promise<Entry> {
    let entry = this.entries.get(documentId);
    if (!entry) {
      entry = { amendments: new Map(), events: new Map(), loadedAt: 0, loading: null, stale: false };
      this.entries.set(documentId, entry);
      if (this.entries.size > MAX_DOCUMENTS) this.entries.delete(this.entries.keys().next().value!);
    } else {
      // least recently used last
      this.entries.delete(documentId);
      this.entries.set(documentId, entry);
    }
    if (entry.stale) {
      entry.stale = false;
      // a load that started before the other instance's insert may not have it
      await entry.loading?.catch(() => {});
      await this.load(documentId, entry);
      return entry;
    }
    if (Date.now() - entry.loadedAt > REFRESH_AFTER_MS) {
      const first = entry.loadedAt === 0;
      entry.loading ??= this.load(documentId, entry).finally(() => {
        entry.loading = null;
      });
      // the first load is awaited; later refreshes run in the background (a read never waits
      // for the whole collection again; another process's records appear a moment later)
      if (first) await entry.loading;
      else entry.loading.catch(() => {});
    }
    return entry;
  }

  private async load(documentId: string, entry: Entry): Promise<void> {
    const id = new Types.ObjectId(documentId);
    const [amendments, events] = await Promise.all([
      Amendment.find({ documentId: id }).lean<StoredAmendment[]>(),
      AmendmentEvent.find({ documentId: id }).lean<StoredAmendmentEvent[]>(),
    ]);
    // merged, never replaced: records are only ever added
    for (const amendment of amendments)
      entry.amendments.set(amendment._id.toHexString(), fromStoredAmendment(amendment));
    for (const event of events) entry.events.set(event._id, fromStoredAmendmentEvent(event));
    entry.loadedAt = Date.now();
  }
}

export const amendmentCache = new AmendmentCache();
