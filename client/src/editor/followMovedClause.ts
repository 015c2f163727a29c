import { Extension } from '@tiptap/core';
import type { Node as PMNode, ResolvedPos } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { STRUCTURAL_NODE_TYPES, structuralNodesInDoc } from '@accord/shared';

const STRUCTURAL = new Set(STRUCTURAL_NODE_TYPES);

/** Where the caret is, in terms that survive a move: its clause, its textblock in it, the text before it. */
interface CaretInClause {
  clauseId: string;
  textblock: number;
  before: string;
}

function caretInClause($pos: ResolvedPos): CaretInClause | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (!STRUCTURAL.has(node.type.name) || typeof node.attrs.clauseId !== 'string') continue;
    const start = $pos.start(depth);
    let textblock = -1;
    node.descendants((child, offset) => {
      if (child.isTextblock && start + offset < $pos.pos) textblock++;
      return !child.isTextblock;
    });
    if (textblock < 0) return null;
    return {
      clauseId: node.attrs.clauseId,
      textblock,
      before: $pos.parent.textBetween(0, $pos.parentOffset),
    };
  }
  return null;
}

function caretPosition(doc: PMNode, caret: CaretInClause): { pos: number; complete: boolean } | null {
  const clause = structuralNodesInDoc(doc).find(({ node }) => node.attrs.clauseId === caret.clauseId);
  if (!clause) return null;
  let found: { pos: number; complete: boolean } | null = null;
  let index = -1;
  clause.node.descendants((child, offset) => {
    if (found !== null || !child.isTextblock) return found === null;
    if (++index !== caret.textblock) return false;
    const text = child.textContent;
    let shared = 0;
    while (shared < caret.before.length && shared < text.length && text[shared] === caret.before[shared])
      shared++;
    found = { pos: clause.pos + 1 + offset + 1 + shared, complete: shared === caret.before.length };
    return false;
  });
  return found;
}

const isRemote = (tr: Transaction) =>
  (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;

const key = new PluginKey<CaretInClause | null>('followMovedClause');

/**
 * Keeps the caret with the clause it is in when someone else moves that clause. Yjs has no move:
 * a move arrives as a deletion of the clause and a copy elsewhere, and the editor's binding then
 * loses the caret (it pointed into the deleted copy). The caret goes to the same textblock of the
 * clause in its new place, after the text that was before it. What this person typed just before
 * the move reaches the new place a moment later (the server carries it there); until they type
 * again, the caret is kept after it as it arrives.
 */
export const FollowMovedClause = Extension.create({
  name: 'followMovedClause',

  addProseMirrorPlugins() {
    return [
      new Plugin<CaretInClause | null>({
        key,
        state: {
          init: () => null,
          apply: (tr, waiting: CaretInClause | null) => {
            const meta = tr.getMeta(key) as CaretInClause | null | undefined;
            if (meta !== undefined) return meta;
            // typing here ends the wait: the caret is where the person put it
            return tr.docChanged && !isRemote(tr) ? null : waiting;
          },
        },
        appendTransaction(transactions, oldState: EditorState, newState: EditorState) {
          if (!transactions.some((tr) => tr.docChanged && isRemote(tr))) return null;
          if (!newState.selection.empty) return null;
          const waiting = key.getState(newState);
          const before = oldState.selection.empty ? caretInClause(oldState.selection.$head) : null;
          const now = caretInClause(newState.selection.$head);
          // the clause moved away from under the caret
          if (before && (!now || now.clauseId !== before.clauseId)) {
            return placeCaret(newState, before);
          }
          // text carried after the move arrived where the caret waits: the caret goes after it
          if (waiting && now && now.clauseId === waiting.clauseId && now.textblock === waiting.textblock) {
            if (now.before.length < waiting.before.length && waiting.before.startsWith(now.before)) {
              return placeCaret(newState, waiting);
            }
          }
          return null;
        },
      }),
    ];
  },
});

function placeCaret(state: EditorState, caret: CaretInClause): Transaction | null {
  const placed = caretPosition(state.doc, caret);
  if (!placed) return null;
  const tr = state.tr
    .setSelection(TextSelection.create(state.doc, placed.pos))
    .setMeta('addToHistory', false);
  // until everything that was before the caret has arrived, keep following it
  return tr.setMeta(key, placed.complete ? null : caret);
}
