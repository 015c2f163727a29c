import type {
  CommentListResponse,
  ClauseCommentCounts,
  DocumentLanguage,
  ResolvedAnchor,
} from '@accord/shared';
import type { EditorView } from '@tiptap/pm/view';
import { i18next } from '../i18n/i18n';
import type { CollabSession } from '../collab/CollabSession';
import { clauseName, type ClauseLookup, type NamedClause } from './clauseName';
import { CommentHighlighter } from './CommentHighlighter';
import { CurrentAnchorResolver } from './CurrentAnchorResolver';
import {
  clauseAtSelection,
  draftFromSelection,
  type ClauseNaming,
  type DraftResult,
} from './draftFromSelection';
import { orderThreads, placeRanges, sameThreads, type LiveThread } from './orderThreads';
import { resolveAnchors } from './resolveAnchors';
import { ThreadStore, type ThreadStoreState } from './ThreadStore';

export interface CommentsState {
  status: ThreadStoreState['status'];
  error: unknown;
  viewer: CommentListResponse['viewer'] | null;
  /** in the order of the text */
  threads: LiveThread[];
  /** open / resolved threads per clause id (current clause; orphans under the stored one) */
  counts: Record<string, ClauseCommentCounts>;
  activeThreadId: string | null;
}

/** What the text asks of the sidebar: direct calls, made while a sidebar is connected. */
export interface SidebarCommands {
  /** show the composer for this draft (or why none could be made) and move focus to it */
  openComposer(draft: DraftResult): void;
  /** move keyboard focus to the (active) thread */
  focusThread(threadId: string): void;
  /** someone else created the thread or replied to it */
  announce(live: LiveThread, change: 'created' | 'replied'): void;
}

/** The parts of the collaboration session the comments follow. */
type Session = Pick<CollabSession, 'ydoc' | 'provider' | 'on' | 'subscribe' | 'getState' | 'lowData'>;

/** anchor states are recomputed this long after the last text change (the clause index walk) */
const RESOLVE_DELAY_MS = 120;

/**
 * A document's comments as this browser shows them: the threads (ThreadStore) with their anchors
 * resolved against the local Y.Doc as the text changes, in the order of the text, highlighted in
 * the editor. Anchors never enter the Yjs document. Owned by the collaboration session.
 */
export class DocumentComments {
  readonly store: ThreadStore;
  readonly highlighter: CommentHighlighter;
  private readonly resolver: CurrentAnchorResolver;
  private state: CommentsState = {
    status: 'loading',
    error: null,
    viewer: null,
    threads: [],
    counts: {},
    activeThreadId: null,
  };
  private readonly listeners = new Set<() => void>();
  private anchors = new Map<string, ResolvedAnchor>();
  private seen: ThreadStoreState['threads'] = new Map();
  private sidebar: SidebarCommands | null = null;
  private resolveTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly stop: Array<() => void> = [];
  readonly naming: ClauseNaming = {
    lookup: (clauseId) => this.resolver.get().snapshot(clauseId),
    name: (snapshot, lookup = this.naming.lookup) =>
      clauseName(snapshot, lookup, (key, values) => i18next.t(key, values ?? {}), i18next.language),
  };

  constructor(
    private readonly session: Session,
    documentId: string,
    private readonly language: DocumentLanguage,
    userId: string,
  ) {
    this.store = new ThreadStore(documentId, userId, undefined, session.lowData);
    this.resolver = new CurrentAnchorResolver(session.ydoc, language);
    this.highlighter = new CommentHighlighter(session.ydoc, (starts) => {
      const placed = placeRanges(this.state.threads, starts);
      if (placed) this.update({ threads: placed });
    });
    this.stop.push(
      this.store.subscribe(() => this.storeChanged()),
      this.store.onRemoteChange((threadId, change) => {
        const live = this.state.threads.find((item) => item.thread.id === threadId);
        if (live) this.sidebar?.announce(live, change);
      }),
      session.on('comments.changed', (event) => this.store.handleEvent(event)),
      this.followConnection(),
    );
    const onUpdate = () => this.scheduleResolve();
    session.ydoc.on('update', onUpdate);
    const onSync = (synced: boolean) => synced && this.scheduleResolve(0);
    session.provider.on('sync', onSync);
    this.stop.push(
      () => session.ydoc.off('update', onUpdate),
      () => session.provider.off('sync', onSync),
    );
    void this.store.load();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): CommentsState => this.state;

  /** The sidebar that answers the text's requests (one at a time). */
  connectSidebar(commands: SidebarCommands): () => void {
    this.sidebar = commands;
    return () => {
      if (this.sidebar === commands) this.sidebar = null;
    };
  }

  /** The editor's view appeared (the highlights plugin): highlight and order by its positions. */
  attachView(view: EditorView): void {
    this.highlighter.attach(view);
    this.scheduleResolve(0);
  }

  detachView(view: EditorView): void {
    this.highlighter.detach(view);
  }

  /** Selects a thread; `focus` moves keyboard focus to it in the sidebar, `reveal` scrolls the text. */
  activate(threadId: string | null, { focus = false, reveal = false } = {}): void {
    this.update({ activeThreadId: threadId });
    this.highlighter.show(this.state.threads, threadId);
    const anchor = threadId ? this.anchors.get(threadId) : undefined;
    if (reveal && anchor) this.highlighter.reveal(anchor);
    if (focus && threadId) this.sidebar?.focusThread(threadId);
  }

  /** Opens the composer for the editor's selection (a range) or the clause at the cursor. */
  openComposer(): void {
    const view = this.highlighter.editorView;
    this.sidebar?.openComposer(draftFromSelection(view, this.session.ydoc, this.language, this.naming));
  }

  /** The clause the editor's cursor is in, named. */
  clauseAtSelection(): { clauseId: string; label: string | null } | null {
    return clauseAtSelection(this.highlighter.editorView, this.naming);
  }

  /** How readers name a clause ('Article 3, paragraph 2'), from this browser's copy of the text. */
  clauseName = (snapshot: NamedClause | null | undefined, lookup?: ClauseLookup): string =>
    snapshot ? this.naming.name(snapshot, lookup) : i18next.t('comments.thread.unnumberedClause');

  destroy(): void {
    for (const stop of this.stop) stop();
    if (this.resolveTimer) clearTimeout(this.resolveTimer);
    this.store.destroy();
    this.resolver.destroy();
    this.listeners.clear();
    this.sidebar = null;
  }

  /** Events sent while the socket was down are lost: catch up once it is back. */
  private followConnection(): () => void {
    let wasOnline = this.session.getState().connection === 'online';
    return this.session.subscribe(() => {
      const online = this.session.getState().connection === 'online';
      if (online && !wasOnline) void this.store.load();
      wasOnline = online;
    });
  }

  /** The server's anchors until this copy of the text has synced, then the local resolution. */
  private canResolveLocally(): boolean {
    return this.session.provider.synced;
  }

  private storeChanged(): void {
    const { threads, status, error, viewer } = this.store.getState();
    if (threads !== this.seen) {
      const changed = new Map([...threads].filter(([id, thread]) => this.seen.get(id) !== thread));
      const fresh = this.canResolveLocally()
        ? resolveAnchors(changed, (stored) => this.resolver.get().resolve(stored), this.anchors)
        : new Map([...changed].map(([id, thread]) => [id, thread.anchor]));
      const anchors = new Map<string, ResolvedAnchor>();
      for (const [id, thread] of threads)
        anchors.set(id, fresh.get(id) ?? this.anchors.get(id) ?? thread.anchor);
      this.anchors = anchors;
      this.seen = threads;
    }
    const active = this.state.activeThreadId;
    this.publish({
      status,
      error,
      viewer,
      activeThreadId: active && threads.has(active) ? active : null,
    });
  }

  private scheduleResolve(delay = RESOLVE_DELAY_MS): void {
    if (this.resolveTimer) clearTimeout(this.resolveTimer);
    this.resolveTimer = setTimeout(() => {
      this.resolveTimer = null;
      if (this.canResolveLocally())
        this.anchors = resolveAnchors(
          this.store.getState().threads,
          (stored) => this.resolver.get().resolve(stored),
          this.anchors,
        );
      this.publish({});
    }, delay);
  }

  /** Orders the threads by where they are in the text and publishes them with their counts. */
  private publish(patch: Partial<CommentsState>): void {
    const ordered = orderThreads(
      this.store.getState().threads,
      this.anchors,
      this.highlighter.clausePositions(),
      this.state.threads,
    );
    if (!sameThreads(ordered.threads, this.state.threads)) Object.assign(patch, ordered);
    this.update(patch);
    this.highlighter.show(this.state.threads, this.state.activeThreadId);
  }

  private update(patch: Partial<CommentsState>): void {
    const keys = Object.keys(patch) as (keyof CommentsState)[];
    if (keys.every((key) => patch[key] === this.state[key])) return;
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
