import { Extension } from '@tiptap/core';
import type { Command, EditorState } from '@tiptap/pm/state';
import { NODE } from '../nodeNames.js';
import { clauseContext } from './clauseContext.js';
import { demoteClause } from './demoteClause.js';
import { insertClause } from './insertClause.js';
import { leaveHeading } from './leaveHeading.js';
import { moveClause } from './moveClause.js';
import { moveClauseTo, type MovePlacement } from './moveClauseTo.js';
import { promoteClause } from './promoteClause.js';
import { splitClause } from './splitClause.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    policy: {
      insertChapter: () => ReturnType;
      insertArticle: () => ReturnType;
      insertParagraph: () => ReturnType;
      insertPoint: () => ReturnType;
      insertObjective: () => ReturnType;
      insertAction: () => ReturnType;
      insertAnnex: () => ReturnType;
      promoteClause: () => ReturnType;
      demoteClause: () => ReturnType;
      moveArticleUp: () => ReturnType;
      moveArticleDown: () => ReturnType;
      moveChapterUp: () => ReturnType;
      moveChapterDown: () => ReturnType;
      /** Outline drag and drop: move a clause before/after/into another, by clauseId. */
      moveClauseTo: (clauseId: string, targetId: string, placement: MovePlacement) => ReturnType;
      splitClause: () => ReturnType;
      leaveHeading: () => ReturnType;
    };
  }
}

/** Whether the caret is in a point nested at least `levels` deep (points in points). */
function inPoint(state: EditorState, levels: number): boolean {
  const $from = clauseContext(state);
  let points = 0;
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type.name === NODE.point) points++;
  }
  return points >= levels;
}

// Tiptap passes a chainable state whose `tr` is the command chain's transaction, so plain
// ProseMirror commands compose inside chains (the way Tiptap wraps its own PM commands).
const wrap = (command: Command) => () => (props: { state: Parameters<Command>[0]; dispatch?: unknown }) =>
  command(props.state, props.dispatch ? () => undefined : undefined);

/**
 * Editing commands for policy structure, with keyboard shortcuts. Each is a plain ProseMirror
 * command (exported too), so they are tested on an EditorState without a DOM.
 *
 * Shortcuts: Mod-Alt-1 chapter, Mod-Alt-2 article, Mod-Alt-3 paragraph, Mod-Alt-4 point,
 * Mod-Alt-5 objective, Mod-Alt-6 action; Mod-] / Mod-[ demote / promote any clause (Google
 * Docs' indent keys); Tab / Shift-Tab only indent / outdent points, as in a list, and change
 * nothing elsewhere (a stray Tab must not turn a paragraph into a point, nor leave the text:
 * Escape does that); Alt-Shift-ArrowUp / ArrowDown move the article; Enter splits a paragraph
 * or point.
 */
export const PolicyCommands = Extension.create({
  name: 'policyCommands',
  // before the core keymap, so Enter in a point splits the point, not just its text
  priority: 1000,

  addCommands() {
    return {
      insertChapter: wrap(insertClause('chapter')),
      insertArticle: wrap(insertClause('article')),
      insertParagraph: wrap(insertClause('paragraph')),
      insertPoint: wrap(insertClause('point')),
      insertObjective: wrap(insertClause('objective')),
      insertAction: wrap(insertClause('action')),
      insertAnnex: wrap(insertClause('annex')),
      promoteClause: wrap(promoteClause),
      demoteClause: wrap(demoteClause),
      moveArticleUp: wrap(moveClause(NODE.article, 'up')),
      moveArticleDown: wrap(moveClause(NODE.article, 'down')),
      moveChapterUp: wrap(moveClause(NODE.chapter, 'up')),
      moveChapterDown: wrap(moveClause(NODE.chapter, 'down')),
      moveClauseTo: (clauseId: string, targetId: string, placement: MovePlacement) =>
        wrap(moveClauseTo(clauseId, targetId, placement))(),
      splitClause: wrap(splitClause),
      leaveHeading: wrap(leaveHeading),
    };
  },

  addKeyboardShortcuts() {
    const c = () => this.editor.commands;
    return {
      'Mod-Alt-1': () => c().insertChapter(),
      'Mod-Alt-2': () => c().insertArticle(),
      'Mod-Alt-3': () => c().insertParagraph(),
      'Mod-Alt-4': () => c().insertPoint(),
      'Mod-Alt-5': () => c().insertObjective(),
      'Mod-Alt-6': () => c().insertAction(),
      'Mod-]': () => c().demoteClause(),
      'Mod-[': () => c().promoteClause(),
      // consumed either way: Tab never leaves the text by accident
      Tab: () => {
        if (inPoint(this.editor.state, 1)) c().demoteClause();
        return true;
      },
      'Shift-Tab': () => {
        if (inPoint(this.editor.state, 2)) c().promoteClause();
        return true;
      },
      'Alt-Shift-ArrowUp': () => c().moveArticleUp(),
      'Alt-Shift-ArrowDown': () => c().moveArticleDown(),
      Enter: () => c().splitClause() || c().leaveHeading(),
    };
  },
});
