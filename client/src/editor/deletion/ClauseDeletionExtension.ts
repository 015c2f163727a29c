import { Extension } from '@tiptap/core';
import { deleteClause, deleteEmptyClause } from './deleteClause';
import type { ClauseDeletion } from './ClauseDeletion';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    clauseDeletion: {
      /** Removes the clause `clauseId` (or the one at the caret) without asking. */
      deleteClause: (clauseId?: string) => ReturnType;
    };
  }
}

/**
 * Deleting clauses in the editor: the deleteClause command; Ctrl/⌘+Shift+Backspace asks to
 * delete the clause at the caret (with a confirmation when it holds text or comments); Backspace
 * at the start of a clause without any text removes that clause.
 */
export const ClauseDeletionExtension = Extension.create<{ deletion: ClauseDeletion | null }>({
  name: 'clauseDeletion',
  // before the policy commands and the core keymap, which would join the empty clause instead
  priority: 1100,

  addOptions() {
    return { deletion: null };
  },

  addCommands() {
    return {
      deleteClause:
        (clauseId?: string) =>
        ({ state, dispatch }) =>
          deleteClause(clauseId)(state, dispatch ? () => undefined : undefined),
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Shift-Backspace': () => this.options.deletion?.request() ?? false,
      Backspace: () => {
        const { state, view } = this.editor;
        return deleteEmptyClause(state, view.dispatch);
      },
    };
  },
});
