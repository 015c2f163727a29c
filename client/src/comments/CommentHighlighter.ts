import type * as Y from 'yjs';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { ResolvedAnchor } from '@accord/shared';
import { buildHighlights, type HighlightInput } from './buildHighlights';
import { takeDomSelection } from '../editor/takeDomSelection';
import { clausePositions } from './clausePositions';
import { commentHighlightsKey, type HighlightRequest } from './commentHighlightsKey';
import type { LiveThread } from './orderThreads';

/**
 * Drives the editor's comment highlights (the highlights plugin draws them as decorations),
 * scrolls the text to a thread, and tells where each range highlight starts, so the sidebar can
 * order threads within a clause.
 */
export class CommentHighlighter {
  private view: EditorView | null = null;
  private queued = false;
  private signature = '';
  private lastRequest: HighlightRequest | null = null;
  private threads: readonly LiveThread[] = [];
  private active: string | null = null;

  constructor(
    private readonly ydoc: Y.Doc,
    /** thread id → position where its range highlight starts, after each pass */
    private readonly onRangesPlaced: (starts: Map<string, number>) => void,
  ) {}

  /** The editor's view, while it lives (the highlights plugin attaches it). */
  get editorView(): EditorView | null {
    return this.view;
  }

  attach(view: EditorView): void {
    this.view = view;
    this.lastRequest = null;
    this.queue();
  }

  detach(view: EditorView): void {
    if (this.view === view) this.view = null;
  }

  /** Position of every clause in the text (empty without an editor). */
  clausePositions(): Map<string, number> {
    return this.view ? clausePositions(this.view.state.doc) : new Map();
  }

  /** Marks these threads (resolved ones only when active); batched into one pass per task. */
  show(threads: readonly LiveThread[], active: string | null): void {
    this.threads = threads;
    this.active = active;
    this.queue();
  }

  /** Scrolls the text to where the anchor is. */
  reveal(anchor: ResolvedAnchor): void {
    const view = this.view;
    if (!view) return;
    const range = anchor.start && anchor.end ? this.rangePositions(view, anchor.start, anchor.end) : null;
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

  private rangePositions(view: EditorView, start: string, end: string): { from: number; to: number } | null {
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

  private queue(): void {
    if (this.queued) return;
    this.queued = true;
    // several changes in one task send one set of anchors to the editor
    queueMicrotask(() => {
      this.queued = false;
      this.render();
    });
  }

  private render(): void {
    const view = this.view;
    if (!view || view.isDestroyed) return;
    const active = this.active;
    const ranges: HighlightInput[] = [];
    const clauses = new Map<string, string[]>();
    let signature = active ?? '';
    for (const { thread, anchor } of this.threads) {
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
      signature !== this.signature ||
      commentHighlightsKey.getState(view.state)?.request !== this.lastRequest
    ) {
      const request: HighlightRequest = { ranges, clauses, active };
      this.signature = signature;
      this.lastRequest = request;
      takeDomSelection(view);
      view.dispatch(view.state.tr.setMeta(commentHighlightsKey, request).setMeta('addToHistory', false));
    }
    const found = commentHighlightsKey.getState(view.state)?.ranges ?? [];
    this.onRangesPlaced(new Map(found.map((range) => [range.threadId, range.from])));
  }
}
