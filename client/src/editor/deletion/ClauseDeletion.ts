import type { Node as PMNode } from '@tiptap/pm/model';
import { getNumbering } from '@accord/shared';
import type { EditorSlot } from '../../collab/EditorSlot';
import type { DocumentComments } from '../../comments/DocumentComments';
import { clauseToDelete } from './clauseToDelete';

/** A deletion waiting for the user's answer. */
export interface PendingDeletion {
  clauseId: string;
  /** 'Article 5 — Depositary', 'Article 2, paragraph 1' */
  name: string;
  /** comment threads (open or resolved) on the clause and on everything inside it */
  comments: number;
}

export interface ClauseDeletionState {
  pending: PendingDeletion | null;
}

/**
 * The "delete clause" command of the toolbar, the outline and the keyboard (Ctrl+Shift+Backspace):
 * a clause with no text and no comments goes at once; otherwise the question waits here until the
 * confirmation dialog answers it. Owned by the collaboration session.
 */
export class ClauseDeletion {
  private state: ClauseDeletionState = { pending: null };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly editor: EditorSlot,
    private readonly comments: DocumentComments,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): ClauseDeletionState => this.state;

  /** Asks to delete `clauseId` (or the clause at the caret); false when there is none to delete. */
  request(clauseId?: string): boolean {
    const editor = this.editor.get();
    if (!editor || !editor.isEditable) return false;
    const found = clauseToDelete(editor.state, clauseId);
    if (!found) return false;
    const comments = this.threadsIn(found.node);
    if (found.node.textContent.trim() === '' && comments === 0) {
      return editor.chain().focus().deleteClause(found.clauseId).run();
    }
    this.set({ pending: { clauseId: found.clauseId, name: this.nameOf(found.node), comments } });
    return true;
  }

  confirm(): void {
    const pending = this.state.pending;
    this.set({ pending: null });
    if (pending) this.editor.get()?.chain().focus().deleteClause(pending.clauseId).run();
  }

  cancel(): void {
    this.set({ pending: null });
    this.editor.get()?.commands.focus();
  }

  private threadsIn(node: PMNode): number {
    const counts = this.comments.getState().counts;
    const count = (clauseId: unknown) => {
      const found = typeof clauseId === 'string' ? counts[clauseId] : undefined;
      return found ? found.open + found.resolved : 0;
    };
    let total = count(node.attrs.clauseId);
    node.descendants((child) => {
      total += count(child.attrs.clauseId);
      return !child.isTextblock;
    });
    return total;
  }

  private nameOf(node: PMNode): string {
    const editor = this.editor.get();
    const numbers = editor ? getNumbering(editor.state)?.numbers : undefined;
    const lookup = (clauseId: string) => numbers?.get(clauseId);
    const name = this.comments.clauseName(lookup(node.attrs.clauseId as string), lookup);
    const heading = node.firstChild?.type.name === 'clauseHeading' ? node.firstChild.textContent.trim() : '';
    return heading ? `${name} — ${heading}` : name;
  }

  private set(state: ClauseDeletionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
