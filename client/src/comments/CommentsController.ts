import * as Y from 'yjs';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey, absolutePositionToRelativePosition } from '@tiptap/y-tiptap';
import {
  AnchorResolver,
  getNumbering,
  Limits,
  rangeAnchorFromRelativePositions,
  type AnchorInput,
  type ClauseCommentCounts,
  type ClauseSnapshot,
  type CommentListResponse,
  type CommentsChangedEvent,
  type DocumentLanguage,
  type NotificationEvent,
  type PresentedThread,
  type ResolvedAnchor,
  type StoredAnchor,
} from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { i18next } from '../i18n/i18n';
import { ApiError } from '../api/ApiError';
import type { CollabSession } from '../collab/CollabSession';
import { buildHighlights, type HighlightInput } from './buildHighlights';
import { commentHighlightsKey, type HighlightRequest } from './commentHighlightsKey';
import { clausePositions } from './clausePositions';

/** What naming a clause needs (a ClauseSnapshot of the clause index, or a live ClauseNumber). */
export type NamedClause = Pick<ClauseSnapshot, 'kind' | 'number' | 'label' | 'parentId'>;

/** A thread with its anchor as this browser's copy of the text resolves it now. */
export interface LiveThread {
  thread: PresentedThread;
  anchor: ResolvedAnchor;
  /** document order: ProseMirror position of the anchor (orphans last) */
  order: number;
}

/** What a new thread will be anchored to (captured when the composer opens). */
export interface Draft {
  anchor: AnchorInput;
  /** the clause as readers see it ('Article 3'), when known */
  label: string | null;
  quote: string | null;
}

export interface CommentsState {
  status: 'loading' | 'ready' | 'failed';
  error: unknown;
  threads: LiveThread[];
  viewer: CommentListResponse['viewer'] | null;
  /** open / resolved threads per clause id (current clause; orphans under the stored one) */
  counts: Record<string, ClauseCommentCounts>;
  activeThreadId: string | null;
  /** bumped each time something asks the sidebar to move focus to the active thread */
  focusRequest: number;
  draft: Draft | null;
  /** i18n key of why a composer could not open (selection across clauses, too long, ...) */
  draftError: string | null;
  /** bumped on each composer request, so the sidebar focuses the composer again */
  draftRequest: number;
  /** a thread someone else created or answered (for the live announcement) */
  lastRemoteChange: { threadId: string; change: CommentsChangedEvent['change']; seq: number } | null;
}

const controllers = new WeakMap<Y.Doc, CommentsController>();

/** The one controller of a Y.Doc's comments, shared by the editor plugin and the sidebar. */
export function commentsControllerFor(ydoc: Y.Doc): CommentsController {
  let controller = controllers.get(ydoc);
  if (!controller) {
    controller = new CommentsController(ydoc);
    controllers.set(ydoc, controller);
  }
  return controller;
}

const EMPTY_COUNTS: Record<string, ClauseCommentCounts> = {};
/** anchor states are recomputed this long after the last text change (the clause index walk) */
const RESOLVE_DELAY_MS = 120;

function storedAnchorOf(anchor: ResolvedAnchor): StoredAnchor {
  return {
    kind: anchor.kind,
    clauseId: anchor.clauseId,
    start: anchor.start,
    end: anchor.end,
    quote: anchor.quote,
    clause: anchor.original,
    versionNumber: null,
  };
}

/**
 * Keeps a document's comment threads (from the API, refreshed by live events), resolves their
 * anchors against the local Y.Doc as the text changes, and drives the editor highlights. Anchors
 * never enter the Yjs document: highlights are decorations computed from relative positions.
 */
export class CommentsController {
  private state: CommentsState = {
    status: 'loading',
    error: null,
    threads: [],
    viewer: null,
    counts: EMPTY_COUNTS,
    activeThreadId: null,
    focusRequest: 0,
    draft: null,
    draftError: null,
    draftRequest: 0,
    lastRemoteChange: null,
  };
  private readonly listeners = new Set<() => void>();
  private threads = new Map<string, PresentedThread>();
  private anchors = new Map<string, ResolvedAnchor>();
  private view: EditorView | null = null;
  private session: CollabSession | null = null;
  private documentId: string | null = null;
  private language: DocumentLanguage = 'en';
  private userId: string | null = null;
  private resolveTimer: ReturnType<typeof setTimeout> | null = null;
  private highlightQueued = false;
  private loadController: AbortController | null = null;
  private detach: (() => void) | null = null;
  private remoteSeq = 0;
  /** bumped on every change of the text: cached clause indexes are stale then */
  private docVersion = 0;
  private highlightSignature = '';
  private lastRequest: HighlightRequest | null = null;
  /** while a full reload runs, single-thread answers that arrive are applied after it */
  private loading = false;
  private readonly pendingThreads = new Set<string>();
  /** ms timestamps for the benchmark and tests: when the first threads / highlights appeared */
  readonly timings: { threadsShown?: number; highlightsShown?: number } = {};

  constructor(readonly ydoc: Y.Doc) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): CommentsState => this.state;

  /** Called by the sidebar: which document, whose eyes, which session brings live events. */
  attach(session: CollabSession, documentId: string, language: DocumentLanguage, userId: string): () => void {
    this.detach?.();
    this.session = session;
    this.documentId = documentId;
    this.language = language;
    this.userId = userId;
    const offEvent = session.onEvent((event) => this.handleEvent(event));
    const onUpdate = () => {
      this.docVersion++;
      this.scheduleResolve();
    };
    this.ydoc.on('update', onUpdate);
    let wasConnected = session.getState().connection === 'online';
    const offState = session.subscribe(() => {
      const online = session.getState().connection === 'online';
      // events sent while we were away are lost: catch up once the socket is back
      if (online && !wasConnected) void this.load();
      wasConnected = online;
    });
    const onSync = (synced: boolean) => synced && this.scheduleResolve(0);
    session.provider.on('sync', onSync);
    void this.load();
    const detach = () => {
      offEvent();
      offState();
      session.provider.off('sync', onSync);
      this.ydoc.off('update', onUpdate);
      this.loadController?.abort();
      if (this.resolveTimer) clearTimeout(this.resolveTimer);
      this.resolveTimer = null;
      if (this.detach === detach) this.detach = null;
    };
    this.detach = detach;
    return detach;
  }

  attachView(view: EditorView): void {
    this.view = view;
    this.queueHighlights();
    this.scheduleResolve(0);
  }

  detachView(view: EditorView): void {
    if (this.view === view) this.view = null;
  }

  /** GET every thread the viewer may see (filters apply in the browser: they are instant). */
  async load(): Promise<void> {
    if (!this.documentId) return;
    this.loadController?.abort();
    const controller = new AbortController();
    this.loadController = controller;
    this.loading = true;
    try {
      const list = await accordApi.listComments(this.documentId, controller.signal);
      if (controller.signal.aborted) return;
      this.threads = new Map(list.threads.map((thread) => [thread.id, thread]));
      this.anchors = new Map(list.threads.map((thread) => [thread.id, thread.anchor]));
      this.loading = false;
      this.resolveNow();
      this.update({ status: 'ready', error: null, viewer: list.viewer });
      this.timings.threadsShown ??= performance.now();
      for (const id of this.pendingThreads) void this.refreshThread(id);
      this.pendingThreads.clear();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.loading = false;
      if (this.state.status !== 'ready') this.update({ status: 'failed', error });
    }
  }

  /** Applies a thread the server answered with (after our own writes, or a live event). */
  applyThread(thread: PresentedThread): void {
    this.threads.set(thread.id, thread);
    this.anchors.set(thread.id, this.resolveOne(thread) ?? thread.anchor);
    this.publishThreads();
  }

  removeThread(threadId: string): void {
    if (!this.threads.delete(threadId)) return;
    this.anchors.delete(threadId);
    this.publishThreads(this.state.activeThreadId === threadId ? { activeThreadId: null } : {});
  }

  /** Selects a thread; `focus` moves keyboard focus to it in the sidebar, `reveal` scrolls the text. */
  activate(threadId: string | null, { focus = false, reveal = false } = {}): void {
    const patch: Partial<CommentsState> = { activeThreadId: threadId };
    if (focus) patch.focusRequest = this.state.focusRequest + 1;
    this.update(patch);
    this.queueHighlights();
    if (reveal && threadId) this.reveal(threadId);
  }

  /**
   * How readers name a clause: 'Article 3', 'Article 3, paragraph 2', 'Article 3, paragraph 2,
   * point b' (paragraph and point numbers alone say little in a list of comments). `lookup` finds
   * the enclosing clauses (default: this browser's copy of the text).
   */
  clauseName(
    snapshot: NamedClause | null | undefined,
    lookup: (clauseId: string) => NamedClause | null | undefined = (clauseId) =>
      this.currentResolver().snapshot(clauseId),
  ): string {
    if (!snapshot) return i18next.t('comments.thread.unnumberedClause');
    const own = snapshot.label ?? i18next.t('comments.thread.unnumberedClause');
    if (
      (snapshot.kind !== 'paragraph' && snapshot.kind !== 'point') ||
      !snapshot.number ||
      !snapshot.parentId
    )
      return own;
    const parent = lookup(snapshot.parentId);
    if (!parent) return own;
    const key = snapshot.kind === 'paragraph' ? 'comments.clause.paragraph' : 'comments.clause.point';
    return i18next.t(key, { parent: this.clauseName(parent, lookup), number: snapshot.number });
  }

  private resolverCache: { resolver: AnchorResolver; at: number } | null = null;

  private currentResolver(): AnchorResolver {
    if (!this.resolverCache || this.resolverCache.at !== this.docVersion) {
      this.resolverCache = { resolver: new AnchorResolver(this.ydoc, this.language), at: this.docVersion };
    }
    return this.resolverCache.resolver;
  }

  /** Opens the composer for the editor's selection (a range) or the clause at the cursor. */
  openComposer(): void {
    const next = this.state.draftRequest + 1;
    const captured = this.captureSelection();
    if ('error' in captured) this.update({ draft: null, draftError: captured.error, draftRequest: next });
    else this.update({ draft: captured, draftError: null, draftRequest: next });
  }

  /** Opens the composer for a whole clause (the clause comment button). */
  openClauseComposer(clauseId: string): void {
    const snapshot = this.currentResolver().snapshot(clauseId);
    const label = snapshot ? this.clauseName(snapshot) : null;
    this.update({
      draft: { anchor: { kind: 'clause', clauseId }, label, quote: null },
      draftError: null,
      draftRequest: this.state.draftRequest + 1,
    });
  }

  closeComposer(): void {
    this.update({ draft: null, draftError: null });
  }

  /**
   * The clause the editor's cursor is in (for the clause comment button, after every keystroke).
   * Named from the numbers the editor's Numbering plugin keeps for its current state (the same
   * numberClauses as the clause index, mapped through typing): no walk of the document.
   */
  clauseAtSelection(): { clauseId: string; label: string | null } | null {
    const view = this.view;
    if (!view) return null;
    const numbers = getNumbering(view.state)?.numbers;
    const lookup = numbers
      ? (clauseId: string) => numbers.get(clauseId)
      : (clauseId: string) => this.currentResolver().snapshot(clauseId);
    const $from = view.state.selection.$from;
    for (let depth = $from.depth; depth > 0; depth--) {
      const clauseId = $from.node(depth).attrs.clauseId as unknown;
      if (typeof clauseId === 'string' && clauseId) {
        const snapshot = lookup(clauseId);
        return { clauseId, label: snapshot ? this.clauseName(snapshot, lookup) : null };
      }
    }
    return null;
  }

  destroyView(): void {
    this.view = null;
  }

  private captureSelection(): Draft | { error: string } {
    const view = this.view;
    if (!view) return { error: 'comments.composer.noEditor' };
    const selection = view.state.selection;
    if (selection.empty) {
      const clause = this.clauseAtSelection();
      if (!clause) return { error: 'comments.composer.noClause' };
      return { anchor: { kind: 'clause', clauseId: clause.clauseId }, label: clause.label, quote: null };
    }
    const sync = ySyncPluginKey.getState(view.state) as
      { type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } } | undefined;
    if (!sync?.binding) return { error: 'comments.composer.noEditor' };
    try {
      const from = absolutePositionToRelativePosition(
        selection.from,
        sync.type,
        sync.binding.mapping as never,
      );
      const to = absolutePositionToRelativePosition(selection.to, sync.type, sync.binding.mapping as never);
      const anchor = rangeAnchorFromRelativePositions(this.ydoc, from, to, this.language);
      if (anchor.quote.length > Limits.commentQuoteMax) return { error: 'comments.composer.tooLong' };
      const snapshot = this.currentResolver().snapshot(anchor.clauseId);
      const label = snapshot ? this.clauseName(snapshot) : null;
      return { anchor, label, quote: anchor.quote };
    } catch {
      return { error: 'comments.composer.acrossClauses' };
    }
  }

  private reveal(threadId: string): void {
    const view = this.view;
    const anchor = this.anchors.get(threadId);
    if (!view || !anchor) return;
    const range = anchor.start && anchor.end ? this.rangePositions(anchor.start, anchor.end) : null;
    let target: Element | null = null;
    if (range) {
      const { node } = view.domAtPos(range.from);
      target = node instanceof Element ? node : node.parentElement;
    } else if (anchor.currentClauseId) {
      const pos = clausePositions(view.state.doc).get(anchor.currentClauseId);
      if (pos !== undefined) {
        const node = view.nodeDOM(pos);
        target = node instanceof Element ? node : null;
      }
    }
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  private rangePositions(start: string, end: string): { from: number; to: number } | null {
    const view = this.view;
    if (!view) return null;
    const sync = ySyncPluginKey.getState(view.state) as
      { type: Y.XmlFragment; binding: { mapping: never } } | undefined;
    if (!sync?.binding) return null;
    const [range] = buildHighlights(
      this.ydoc,
      sync.type,
      sync.binding.mapping,
      [{ threadId: '', start, end }],
      view.state.doc.content.size,
    );
    return range ?? null;
  }

  private handleEvent(raw: unknown): void {
    const event = raw as Partial<CommentsChangedEvent> | Partial<NotificationEvent> | null;
    if (!event || typeof event !== 'object') return;
    if (event.type === 'notification.created') {
      window.dispatchEvent(new CustomEvent('accord:notification', { detail: event }));
      return;
    }
    if (event.type !== 'comments.changed') return;
    const changed = event as CommentsChangedEvent;
    if (changed.documentId !== this.documentId || typeof changed.threadId !== 'string') return;
    if (changed.change === 'hidden') {
      this.removeThread(changed.threadId);
      return;
    }
    if (changed.actorId !== this.userId && (changed.change === 'created' || changed.change === 'replied')) {
      this.update({
        lastRemoteChange: { threadId: changed.threadId, change: changed.change, seq: ++this.remoteSeq },
      });
    }
    if (this.loading) {
      this.pendingThreads.add(changed.threadId);
      return;
    }
    void this.refreshThread(changed.threadId);
  }

  private async refreshThread(threadId: string): Promise<void> {
    try {
      const { thread } = await accordApi.getThread(threadId);
      this.applyThread(thread);
      if (this.state.lastRemoteChange?.threadId === threadId) this.update({});
    } catch (error) {
      // gone for us (deleted document, became team-only): drop it
      if (error instanceof ApiError && (error.status === 404 || error.status === 403))
        this.removeThread(threadId);
    }
  }

  private scheduleResolve(delay = RESOLVE_DELAY_MS): void {
    if (this.resolveTimer) clearTimeout(this.resolveTimer);
    this.resolveTimer = setTimeout(() => {
      this.resolveTimer = null;
      this.resolveNow();
    }, delay);
  }

  /** The server's anchors until this copy of the text has synced, then the local resolution. */
  private canResolveLocally(): boolean {
    return !!this.session?.provider.synced;
  }

  private resolveOne(thread: PresentedThread): ResolvedAnchor | null {
    if (!this.canResolveLocally()) return null;
    return this.currentResolver().resolve(storedAnchorOf(thread.anchor));
  }

  private resolveNow(): void {
    if (this.threads.size === 0) {
      this.publishThreads();
      return;
    }
    if (this.canResolveLocally()) {
      const resolver = this.currentResolver();
      const next = new Map<string, ResolvedAnchor>();
      for (const [id, thread] of this.threads) {
        const resolved = resolver.resolve(storedAnchorOf(thread.anchor));
        const previous = this.anchors.get(id);
        next.set(id, previous && sameAnchor(previous, resolved) ? previous : resolved);
      }
      this.anchors = next;
    }
    this.publishThreads();
  }

  /** Orders threads by where they are in the text and publishes them with their counts. */
  private publishThreads(extra: Partial<CommentsState> = {}): void {
    const view = this.view;
    const positions = view ? clausePositions(view.state.doc) : new Map<string, number>();
    const previous = new Map(this.state.threads.map((live) => [live.thread.id, live]));
    const live: LiveThread[] = [];
    const counts: Record<string, ClauseCommentCounts> = {};
    for (const [id, thread] of this.threads) {
      const anchor = this.anchors.get(id) ?? thread.anchor;
      const clauseId = anchor.currentClauseId ?? anchor.clauseId;
      const count = (counts[clauseId] ??= { open: 0, resolved: 0 });
      count[thread.status === 'open' ? 'open' : 'resolved'] += 1;
      let order = Number.MAX_SAFE_INTEGER - 10_000 + anchor.original.index;
      const clausePos = anchor.currentClauseId ? positions.get(anchor.currentClauseId) : undefined;
      if (clausePos !== undefined) order = clausePos;
      const before = previous.get(id);
      if (
        anchor.start &&
        anchor.end &&
        before?.anchor.start === anchor.start &&
        before.order >= (clausePos ?? 0)
      ) {
        order = before.order; // a range keeps its finer position from the last highlight pass
      }
      live.push(
        before && before.thread === thread && before.anchor === anchor && before.order === order
          ? before
          : { thread, anchor, order },
      );
    }
    live.sort(byOrder);
    const unchanged =
      live.length === this.state.threads.length && live.every((item, i) => item === this.state.threads[i]);
    const patch: Partial<CommentsState> = { ...extra };
    if (!unchanged) {
      patch.threads = live;
      patch.counts = counts;
    }
    this.update(patch);
    this.queueHighlights();
  }

  private queueHighlights(): void {
    if (this.highlightQueued) return;
    this.highlightQueued = true;
    // batched: several changes in one task send one set of anchors to the editor
    queueMicrotask(() => {
      this.highlightQueued = false;
      this.renderHighlights();
    });
  }

  private renderHighlights(): void {
    const view = this.view;
    if (!view || view.isDestroyed) return;
    const active = this.state.activeThreadId;
    const ranges: HighlightInput[] = [];
    const clauses = new Map<string, string[]>();
    let signature = active ?? '';
    for (const item of this.state.threads) {
      const { thread, anchor } = item;
      // resolved threads are not marked in the text, unless one is selected
      if (thread.status !== 'open' && thread.id !== active) continue;
      if (anchor.start && anchor.end) {
        ranges.push({ threadId: thread.id, start: anchor.start, end: anchor.end });
        signature += `|${thread.id}:${anchor.start}:${anchor.end}`;
      } else if (anchor.currentClauseId) {
        const list = clauses.get(anchor.currentClauseId) ?? [];
        list.push(thread.id);
        clauses.set(anchor.currentClauseId, list);
        signature += `|${thread.id}@${anchor.currentClauseId}`;
      }
    }
    // ProseMirror keeps the decorations through edits; only a new set of anchors is sent
    if (
      signature !== this.highlightSignature ||
      commentHighlightsKey.getState(view.state)?.request !== this.lastRequest
    ) {
      const request: HighlightRequest = { ranges, clauses, active };
      this.highlightSignature = signature;
      this.lastRequest = request;
      view.dispatch(view.state.tr.setMeta(commentHighlightsKey, request).setMeta('addToHistory', false));
    }
    const found = commentHighlightsKey.getState(view.state)?.ranges ?? [];
    if (found.length > 0 || clauses.size > 0) this.timings.highlightsShown ??= performance.now();
    // ranges sort by where they start, within their clause
    const byThread = new Map(found.map((range) => [range.threadId, range.from]));
    let reordered = false;
    for (const item of this.state.threads) {
      const from = byThread.get(item.thread.id);
      if (from !== undefined && from !== item.order) {
        item.order = from;
        reordered = true;
      }
    }
    if (reordered) {
      const sorted = [...this.state.threads].sort(byOrder);
      if (sorted.some((item, i) => item !== this.state.threads[i])) this.update({ threads: sorted });
    }
  }

  private update(patch: Partial<CommentsState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function byOrder(a: LiveThread, b: LiveThread): number {
  return a.order - b.order || a.thread.comment.createdAt.localeCompare(b.thread.comment.createdAt);
}

function sameAnchor(a: ResolvedAnchor, b: ResolvedAnchor): boolean {
  return (
    a.state === b.state &&
    a.moved === b.moved &&
    a.currentClauseId === b.currentClauseId &&
    a.currentQuote === b.currentQuote &&
    a.start === b.start &&
    a.end === b.end &&
    a.clause?.label === b.clause?.label &&
    a.clause?.index === b.clause?.index
  );
}
