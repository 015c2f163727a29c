import { Plugin, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { buildHighlights, type HighlightRange } from './buildHighlights';
import { clausePositions } from './clausePositions';
import { commentHighlightsKey, type HighlightRequest, type HighlightState } from './commentHighlightsKey';
import { ClauseCommentButton } from './ClauseCommentButton';
import type { DocumentComments } from './DocumentComments';

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
 * edits; replaced whenever the comments send new anchors.
 */
export function highlightsPlugin(comments: DocumentComments): Plugin<HighlightState> {
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
          const current = comments.getState().activeThreadId;
          // a second click on the same highlight cycles through overlapping threads
          const next =
            current && ids.includes(current) ? ids[(ids.indexOf(current) + 1) % ids.length]! : ids[0]!;
          // in a read-only text there is nothing to type: move to the thread; a drafter keeps typing
          comments.activate(next, { focus: !view.editable });
          return false;
        },
      },
    },
    view(view) {
      comments.attachView(view);
      const button = new ClauseCommentButton(view, comments);
      return {
        update: () => button.update(),
        destroy() {
          button.destroy();
          comments.detachView(view);
        },
      };
    },
  });
}
