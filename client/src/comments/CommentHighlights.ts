import { Extension } from '@tiptap/core';
import { Plugin, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { i18next } from '../i18n/i18n';
import { afterNextPaint } from '../scheduling/afterNextPaint';
import { buildHighlights, type HighlightRange } from './buildHighlights';
import { clausePositions } from './clausePositions';
import { commentHighlightsKey, type HighlightRequest, type HighlightState } from './commentHighlightsKey';
import { commentsControllerFor, type CommentsController } from './CommentsController';

const EMPTY_REQUEST: HighlightRequest = { ranges: [], clauses: new Map(), active: null };

function build(
  state: EditorState,
  request: HighlightRequest,
): { ranges: HighlightRange[]; set: DecorationSet } {
  const sync = ySyncPluginKey.getState(state) as
    { type: Y.XmlFragment; binding: { mapping: never } } | undefined;
  if (!sync?.binding || (request.ranges.length === 0 && request.clauses.size === 0)) {
    return { ranges: [], set: DecorationSet.empty };
  }
  const doc = state.doc;
  const ranges = buildHighlights(
    sync.type.doc!,
    sync.type,
    sync.binding.mapping,
    request.ranges,
    doc.content.size,
  );
  const decorations: Decoration[] = [];
  for (const range of ranges) {
    const active = range.threadId === request.active;
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: active ? 'comment-highlight comment-highlight--active' : 'comment-highlight',
          'data-comment-threads': range.threadId,
        },
        { threadId: range.threadId },
      ),
    );
  }
  const positions = clausePositions(doc);
  for (const [clauseId, threadIds] of request.clauses) {
    const pos = positions.get(clauseId);
    const node = pos === undefined ? null : doc.nodeAt(pos);
    if (pos === undefined || !node) continue;
    const active = request.active !== null && threadIds.includes(request.active);
    decorations.push(
      Decoration.node(
        pos,
        pos + node.nodeSize,
        {
          class: active ? 'comment-clause comment-clause--active' : 'comment-clause',
          'data-comment-count': String(threadIds.length),
          'data-comment-threads': threadIds.join(' '),
        },
        { threadIds },
      ),
    );
  }
  return { ranges, set: DecorationSet.create(doc, decorations) };
}

function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return !!meta?.isChangeOrigin;
}

/**
 * Comment highlights: inline decorations for range comments, node decorations for clause
 * comments. Never part of the document. Rebuilt from the relative positions after remote changes
 * (y-tiptap replaces the whole document then, which mapping cannot follow); mapped through local
 * edits; replaced whenever the comments controller sends new anchors.
 */
function highlightsPlugin(controller: CommentsController): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: () => ({ request: EMPTY_REQUEST, ranges: [], set: DecorationSet.empty }),
      apply(tr, value, _old, newState) {
        const request = tr.getMeta(commentHighlightsKey) as HighlightRequest | undefined;
        if (request) return { request, ...build(newState, request) };
        if (!tr.docChanged) return value;
        if (isRemote(tr)) return { request: value.request, ...build(newState, value.request) };
        return {
          request: value.request,
          ranges: value.ranges
            .map((range) => ({
              ...range,
              from: tr.mapping.map(range.from, 1),
              to: tr.mapping.map(range.to, -1),
            }))
            .filter((range) => range.from < range.to),
          set: value.set.map(tr.mapping, tr.doc),
        };
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.set,
      handleDOMEvents: {
        click(view, event) {
          const target = event.target instanceof Element ? event.target : null;
          const marked = target?.closest('[data-comment-threads]');
          if (!marked || !view.dom.contains(marked)) return false;
          const ids = (marked.getAttribute('data-comment-threads') ?? '').split(' ').filter(Boolean);
          if (ids.length === 0) return false;
          const current = controller.getState().activeThreadId;
          // a second click on the same highlight cycles through overlapping threads
          const next =
            current && ids.includes(current) ? ids[(ids.indexOf(current) + 1) % ids.length]! : ids[0]!;
          // in a read-only text there is nothing to type: move to the thread; a drafter keeps typing
          controller.activate(next, { focus: !view.editable });
          return false;
        },
      },
    },
    view(view) {
      controller.attachView(view);
      const button = new ClauseCommentButton(view, controller);
      return {
        update: () => button.update(),
        destroy() {
          button.destroy();
          controller.detachView(view);
        },
      };
    },
  });
}

/**
 * The clause comment button: floats in the margin next to the clause (or selection) the cursor is
 * in. Comments on the selection when there is one, else on the whole clause. Alt+Ctrl+M does the
 * same from the keyboard.
 */
class ClauseCommentButton {
  private readonly button: HTMLButtonElement;
  private readonly unsubscribe: () => void;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly view: EditorView,
    private readonly controller: CommentsController,
  ) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'comment-add-button';
    button.hidden = true;
    button.setAttribute('data-testid', 'comment-add-button');
    button.textContent = i18next.t('comments.addButton.short');
    button.setAttribute('aria-label', i18next.t('comments.addButton.selection'));
    // keep the editor's selection: the composer anchors to it
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => controller.openComposer());
    this.button = button;
    view.dom.parentElement?.appendChild(button);
    this.unsubscribe = controller.subscribe(() => this.update());
    this.update();
  }

  /**
   * Called by ProseMirror after every transaction: placing the button reads the layout and names
   * the clause, so it waits until the frame showing the change has been painted (once per frame)
   * instead of delaying that frame. The button follows the caret one frame later.
   */
  update(): void {
    this.cancel ??= afterNextPaint(() => {
      this.cancel = null;
      this.render();
    });
  }

  private render(): void {
    const { view, button } = this;
    if (view.isDestroyed) return;
    const canComment = this.controller.getState().viewer?.canComment ?? false;
    const selection = view.state.selection;
    const clause = canComment ? this.controller.clauseAtSelection() : null;
    // a read-only text never has the focus: a click in it still leaves the selection there
    const domSelection = document.getSelection();
    const selectedHere = !!domSelection?.anchorNode && view.dom.contains(domSelection.anchorNode);
    const visible =
      !!clause && (view.hasFocus() || selectedHere || !selection.empty || document.activeElement === button);
    if (!visible) {
      if (!button.hidden) button.hidden = true;
      return;
    }
    const label = selection.empty
      ? clause.label
        ? i18next.t('comments.addButton.clause', { clause: clause.label })
        : i18next.t('comments.addButton.clauseUnnumbered')
      : i18next.t('comments.addButton.selection');
    // write only what changed: typing re-runs this after every keystroke
    const text = i18next.t('comments.addButton.short');
    if (button.textContent !== text) button.textContent = text;
    const description = `${label} (${i18next.t('comments.shortcut')})`;
    if (button.getAttribute('aria-label') !== description) {
      button.setAttribute('aria-label', description);
      button.title = description;
    }
    const parent = view.dom.parentElement;
    if (!parent) return;
    let top = 0;
    try {
      top = view.coordsAtPos(selection.from).top - parent.getBoundingClientRect().top;
    } catch {
      top = 0;
    }
    const topPx = `${Math.max(0, top - 4)}px`;
    if (button.style.top !== topPx) button.style.top = topPx;
    if (button.hidden) button.hidden = false;
  }

  destroy(): void {
    this.cancel?.();
    this.unsubscribe();
    this.button.remove();
  }
}

export interface CommentHighlightsOptions {
  ydoc: Y.Doc | null;
}

/** Registers the highlights and the clause comment button for the editor's Y.Doc. */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',
  addOptions: () => ({ ydoc: null }),
  addProseMirrorPlugins() {
    if (!this.options.ydoc) return [];
    return [highlightsPlugin(commentsControllerFor(this.options.ydoc))];
  },
});
