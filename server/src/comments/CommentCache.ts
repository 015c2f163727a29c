import { Types } from 'mongoose';
import { Comment, type CommentRecord } from '../models/Comment.js';
import { CommentEvent, type CommentEventRecord } from '../models/CommentEvent.js';
import { buildThreads, type ThreadData } from './ThreadData.js';

/** Documents whose comments are kept in memory (least recently used are dropped). */
const MAX_DOCUMENTS = 200;
/**
 * How old a document's copy may get before a read also refreshes it from the database in the
 * background. Writes of this process are applied at once; this bounds how long another server
 * process's comments take to appear here.
 */
const REFRESH_AFTER_MS = 60_000;

interface Entry {
  /** grows whenever a record is added: derived data (threads, anchors) is keyed by it */
  version: number;
  threads: { version: number; threads: ThreadData[] } | null;
  comments: Map<string, CommentRecord>;
  /** by `${commentId}:${seq}`: the unique key, so a record seen twice is kept once */
  events: Map<string, CommentEventRecord>;
  loadedAt: number;
  loading: Promise<void> | null;
  /** another instance added records: the next read re-reads the database first */
  stale: boolean;
}

/**
 * The comments and comment events of recently used documents, in memory. Both collections are
 * insert-only (DESIGN.md §2), so a copy is never wrong, only possibly incomplete: records are
 * only ever added (from this process's own inserts, and from re-reads that are merged, never
 * replaced). Correctness never depends on it being complete: every write is still decided by the
 * unique (commentId, seq) index, and a writer that loses re-reads the database.
 *
 * Why it exists: listing a document's comments must stay fast with thousands of them, and the
 * development database (FerretDB/SQLite) scans whole collections for every filtered query.
 */
export class CommentCache {
  private readonly entries = new Map<string, Entry>();
  /** commentId → documentId for every cached comment */
  private readonly documentOf = new Map<string, string>();

  /** Every comment and event of the document (loads it on first use). */
  async read(documentId: string): Promise<{ comments: CommentRecord[]; events: CommentEventRecord[] }> {
    const entry = await this.entry(documentId);
    return { comments: [...entry.comments.values()], events: [...entry.events.values()] };
  }

  /**
   * The document's threads, folded; rebuilt only when a record was added since the last call.
   * Callers must treat them as read-only.
   */
  async threads(documentId: string): Promise<{ version: number; threads: ThreadData[] }> {
    const entry = await this.entry(documentId);
    if (entry.threads?.version !== entry.version) {
      entry.threads = {
        version: entry.version,
        threads: buildThreads([...entry.comments.values()], [...entry.events.values()]),
      };
    }
    return entry.threads;
  }

  /** The comments and events of one thread. */
  async readThread(
    documentId: string,
    threadId: string,
  ): Promise<{ comments: CommentRecord[]; events: CommentEventRecord[] }> {
    const entry = await this.entry(documentId);
    const comments = [...entry.comments.values()].filter((c) => c.threadId.toHexString() === threadId);
    const ids = new Set(comments.map((c) => c._id.toHexString()));
    const events = [...entry.events.values()].filter((e) => ids.has(e.commentId.toHexString()));
    return { comments, events };
  }

  /** The events of one comment as cached (may lack another process's latest ones). */
  async readComment(
    documentId: string,
    commentId: string,
  ): Promise<{ comment: CommentRecord | undefined; events: CommentEventRecord[] }> {
    const entry = await this.entry(documentId);
    const events = [...entry.events.values()].filter((e) => e.commentId.toHexString() === commentId);
    return { comment: entry.comments.get(commentId), events };
  }

  /** The document a comment belongs to, if this process has seen the comment. */
  documentIdOf(commentId: string): string | undefined {
    return this.documentOf.get(commentId);
  }

  /**
   * Another instance of Accord changed the document's comments (its live event crossed over
   * Redis): the next read of the document waits for a re-read of the database, so a client that
   * fetches on hearing the event gets what it heard of.
   */
  markStale(documentId: string): void {
    const entry = this.entries.get(documentId);
    if (entry) entry.stale = true;
  }

  /** Adds records that were just stored (or just read). Documents not cached are left alone. */
  addComment(record: CommentRecord): void {
    const entry = this.entries.get(record.documentId.toHexString());
    if (!entry) return;
    this.setComment(entry, record);
  }

  addEvents(documentId: string, events: CommentEventRecord[]): void {
    const entry = this.entries.get(documentId);
    if (!entry) return;
    for (const event of events) this.setEvent(entry, event);
  }

  private setComment(entry: Entry, record: CommentRecord): void {
    const key = record._id.toHexString();
    if (entry.comments.has(key)) return;
    entry.comments.set(key, record);
    entry.version++;
    this.documentOf.set(key, record.documentId.toHexString());
  }

  private setEvent(entry: Entry, event: CommentEventRecord): void {
    const key = `${event.commentId.toHexString()}:${event.seq}`;
    if (entry.events.has(key)) return;
    entry.events.set(key, event);
    entry.version++;
  }

  private async entry(documentId: string): Promise<Entry> {
    let entry = this.entries.get(documentId);
    if (entry) {
      // least recently used last
      this.entries.delete(documentId);
      this.entries.set(documentId, entry);
      if (entry.stale) {
        entry.stale = false;
        // a re-read that started before the other instance's insert may not have it
        await entry.loading?.catch(() => {});
        await this.refresh(documentId, entry);
      } else if (entry.loading && entry.loadedAt === 0) await entry.loading;
      else if (!entry.loading && Date.now() - entry.loadedAt > REFRESH_AFTER_MS)
        this.refresh(documentId, entry).catch(() => {});
      return entry;
    }
    entry = {
      version: 0,
      threads: null,
      comments: new Map(),
      events: new Map(),
      loadedAt: 0,
      loading: null,
      stale: false,
    };
    this.entries.set(documentId, entry);
    this.evict();
    try {
      await this.refresh(documentId, entry);
    } catch (error) {
      this.entries.delete(documentId);
      throw error;
    }
    return entry;
  }

  private refresh(documentId: string, entry: Entry): Promise<void> {
    if (entry.loading) return entry.loading;
    const started = Date.now();
    const id = new Types.ObjectId(documentId);
    entry.loading = Promise.all([
      Comment.find({ documentId: id }).lean<CommentRecord[]>(),
      CommentEvent.find({ documentId: id }).lean<CommentEventRecord[]>(),
    ])
      .then(([comments, events]) => {
        for (const c of comments) this.setComment(entry, c);
        for (const e of events) this.setEvent(entry, e);
        entry.loadedAt = started;
      })
      .finally(() => {
        entry.loading = null;
      });
    return entry.loading;
  }

  private evict(): void {
    while (this.entries.size > MAX_DOCUMENTS) {
      const [oldest, entry] = this.entries.entries().next().value as [string, Entry];
      this.entries.delete(oldest);
      for (const id of entry.comments.keys()) this.documentOf.delete(id);
    }
  }
}

/** One per server process. */
export const commentCache = new CommentCache();
