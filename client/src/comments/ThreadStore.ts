import type { CommentListResponse, CommentsChangedEvent, PresentedThread } from '@accord/shared';
import { accordApi, type ThreadAnswer } from '../api/accordApi';
import { ApiError } from '../api/ApiError';
import { OwnWrites } from './OwnWrites';

export interface ThreadStoreState {
  status: 'loading' | 'ready' | 'failed';
  error: unknown;
  viewer: CommentListResponse['viewer'] | null;
  /** every thread the viewer may see, by id */
  threads: ReadonlyMap<string, PresentedThread>;
}

/** Someone else created a thread or replied to one (it has been fetched by now). */
export type RemoteChangeListener = (threadId: string, change: 'created' | 'replied') => void;

type Api = Pick<typeof accordApi, 'listComments' | 'getThread'>;

/**
 * A document's comment threads as the server gives them to this viewer: loaded whole, then kept
 * current by this tab's own writes and by the live events of everyone else's.
 */
export class ThreadStore {
  private state: ThreadStoreState = { status: 'loading', error: null, viewer: null, threads: new Map() };
  private readonly listeners = new Set<() => void>();
  private readonly remoteListeners = new Set<RemoteChangeListener>();
  private readonly writes = new OwnWrites();
  private loadController: AbortController | null = null;
  /** while a full load runs, threads that changed are fetched after it (with the change to announce) */
  private pending: Map<string, CommentsChangedEvent['change'] | null> | null = null;

  constructor(
    private readonly documentId: string,
    private readonly userId: string,
    private readonly api: Api = accordApi,
    /** low-data mode: threads come without their replies, loaded when asked (loadReplies) */
    private readonly withoutReplies = false,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): ThreadStoreState => this.state;

  onRemoteChange(listener: RemoteChangeListener): () => void {
    this.remoteListeners.add(listener);
    return () => this.remoteListeners.delete(listener);
  }

  /** GET every thread the viewer may see (filters apply in the browser: they are instant). */
  async load(): Promise<void> {
    this.loadController?.abort();
    const controller = new AbortController();
    this.loadController = controller;
    this.pending ??= new Map();
    try {
      const list = await this.api.listComments(this.documentId, controller.signal, this.withoutReplies);
      if (controller.signal.aborted) return;
      const pending = this.pending;
      this.pending = null;
      this.writes.forget();
      this.update({
        status: 'ready',
        error: null,
        viewer: list.viewer,
        threads: new Map(list.threads.map((thread) => [thread.id, thread])),
      });
      for (const [threadId, change] of pending) void this.fetch(threadId, change);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.pending = null;
      if (this.state.status !== 'ready') this.update({ status: 'failed', error });
    }
  }

  /** Loads a thread whole (its replies were left out of a low-data list). */
  async loadReplies(threadId: string): Promise<void> {
    const { thread } = await this.api.getThread(threadId);
    this.apply(thread);
  }

  /** Applies a thread the server answered with. */
  apply(thread: PresentedThread): void {
    const threads = new Map(this.state.threads);
    threads.set(thread.id, thread);
    this.update({ threads });
  }

  remove(threadId: string): void {
    if (!this.state.threads.has(threadId)) return;
    const threads = new Map(this.state.threads);
    threads.delete(threadId);
    this.update({ threads });
  }

  /** Runs one of this tab's writes and applies the thread it answers with. */
  async write(action: () => Promise<ThreadAnswer>): Promise<PresentedThread> {
    const { thread } = await this.writes.run(action, (answer) => answer.thread.id);
    this.apply(thread);
    return thread;
  }

  /** A `comments.changed` event from the collaboration socket. */
  handleEvent(event: CommentsChangedEvent): void {
    if (event.documentId !== this.documentId) return;
    if (event.change === 'hidden') {
      this.remove(event.threadId);
      return;
    }
    const announce =
      event.actorId !== this.userId && (event.change === 'created' || event.change === 'replied')
        ? event.change
        : null;
    const fetch = () => {
      if (this.pending)
        this.pending.set(event.threadId, announce ?? this.pending.get(event.threadId) ?? null);
      else void this.fetch(event.threadId, announce);
    };
    if (event.actorId === this.userId) this.writes.handle(event.threadId, fetch);
    else fetch();
  }

  destroy(): void {
    this.loadController?.abort();
    this.listeners.clear();
    this.remoteListeners.clear();
  }

  private async fetch(threadId: string, change: CommentsChangedEvent['change'] | null): Promise<void> {
    try {
      const { thread } = await this.api.getThread(threadId);
      this.apply(thread);
      if (change === 'created' || change === 'replied')
        for (const listener of this.remoteListeners) listener(threadId, change);
    } catch (error) {
      // gone for us (deleted document, became team-only): drop it
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) this.remove(threadId);
    }
  }

  private update(patch: Partial<ThreadStoreState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
