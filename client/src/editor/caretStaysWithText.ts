import { Extension } from '@tiptap/core';
import type { Node as PMNode, ResolvedPos } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition } from '@tiptap/y-tiptap';
import { isRemoteEdit, syncStateOf } from './remoteEdits';

/** A textblock's text, one character per position (a hard break or other leaf counts as one). */
const textOf = (textblock: PMNode) => textblock.textBetween(0, textblock.content.size, '', '\ufffc');

/** Whether the character just before `pos` was typed in this editor (this session's Yjs client). */
function typedHere(state: EditorState, pos: number): boolean {
  const sync = syncStateOf(state);
  if (!sync?.binding) return false;
  try {
    // y-prosemirror ties a position to the character on its left (assoc −1)
    const relative = absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping as never);
    return relative.item?.client === sync.doc.clientID;
  } catch {
    return false;
  }
}

/** The first textblock that starts at or after `from`. */
function textblockFrom(doc: PMNode, from: number): { pos: number; node: PMNode } | null {
  let found: { pos: number; node: PMNode } | null = null;
  doc.nodesBetween(from, doc.content.size, (node, pos) => {
    if (found) return false;
    if (node.isTextblock && pos >= from) {
      found = { pos, node };
      return false;
    }
    return true;
  });
  return found;
}

/**
 * Someone else typed exactly where the idle caret is: the caret goes after their words, so that
 * Enter here starts a new paragraph after them instead of carrying them off. A caret right after
 * its own person's typing stays with it (their words stay together while both type).
 */
function pastOthersWords($old: ResolvedPos, $now: ResolvedPos, newState: EditorState): number | null {
  const before = textOf($old.parent);
  const now = textOf($now.parent);
  const at = $old.parentOffset;
  const inserted = now.length - before.length;
  if (inserted <= 0 || $now.parentOffset !== at) return null;
  if (now.slice(0, at) !== before.slice(0, at) || now.slice(at + inserted) !== before.slice(at)) return null;
  if (at > 0 && typedHere(newState, $now.pos)) return null;
  return $now.pos + inserted;
}

/**
 * Someone else split the caret's paragraph before the caret: the text after their split point,
 * the caret's among it, now starts the next paragraph. Yjs has no split (the binding deletes the
 * tail and inserts a copy in a new paragraph), so the caret was left behind at the split point;
 * it goes where ProseMirror's own mapping of a split would put it, after the same text.
 */
function withSplitOffText(
  $old: ResolvedPos,
  $now: ResolvedPos,
  oldState: EditorState,
  newState: EditorState,
): number | null {
  const before = textOf($old.parent);
  const kept = textOf($now.parent);
  const at = $old.parentOffset;
  if (kept.length >= at || !before.startsWith(kept)) return null;
  const next = textblockFrom(newState.doc, $now.after());
  const moved = before.slice(kept.length);
  if (!next || !textOf(next.node).startsWith(moved)) return null;
  // the paragraph is new: the one after the caret's paragraph was not this one already
  const oldNext = textblockFrom(oldState.doc, $old.after());
  if (oldNext && textOf(oldNext.node) === textOf(next.node)) return null;
  return next.pos + 1 + (at - kept.length);
}

/**
 * Keeps each person's caret with the text they are typing when others' changes arrive (issue 12,
 * bug 3). The Yjs binding restores a caret by the character on its left; two cases go wrong:
 * another person's words typed right at an idle caret end up after it (their Enter there then
 * moves those words into a new paragraph, away from their author's caret), and a paragraph split
 * before the caret by someone else leaves the caret behind in the first half.
 */
export const CaretStaysWithText = Extension.create({
  name: 'caretStaysWithText',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('caretStaysWithText'),
        appendTransaction(transactions, oldState: EditorState, newState: EditorState) {
          const changing = transactions.filter((tr) => tr.docChanged);
          if (changing.length === 0 || !changing.every(isRemoteEdit)) return null;
          if (!oldState.selection.empty || !newState.selection.empty) return null;
          const $old = oldState.selection.$head;
          const $now = newState.selection.$head;
          if (!$old.parent.isTextblock || !$now.parent.isTextblock) return null;
          const pos =
            pastOthersWords($old, $now, newState) ?? withSplitOffText($old, $now, oldState, newState);
          if (pos === null || pos === $now.pos) return null;
          return newState.tr
            .setSelection(TextSelection.create(newState.doc, pos))
            .setMeta('addToHistory', false);
        },
      }),
    ];
  },
});
