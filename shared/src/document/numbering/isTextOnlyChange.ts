import type { Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';

/**
 * True when every step of `tr` only replaces inline content inside one textblock — typing,
 * deleting characters, toggling nothing structural. Such a change cannot alter any clause
 * number, so the numbering plugin maps its decorations instead of recomputing them: typing in a
 * 100-article document then costs a position mapping, not a walk of the document.
 */
export function isTextOnlyChange(tr: Transaction): boolean {
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    const doc = tr.docs[i];
    if (!(step instanceof ReplaceStep) || !doc) return false;
    const { from, to, slice } = step;
    if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
    let inline = true;
    slice.content.forEach((node) => {
      if (!node.isInline) inline = false;
    });
    if (!inline) return false;
    const $from = doc.resolve(from);
    const $to = doc.resolve(to);
    if ($from.parent !== $to.parent || !$from.parent.isTextblock) return false;
  }
  return true;
}
