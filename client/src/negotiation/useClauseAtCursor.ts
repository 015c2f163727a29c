import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';

/**
 * The innermost clause around the editor's cursor that is one of `listed` (the outline's entries),
 * or null; follows the selection as it moves.
 */
export function useClauseAtCursor(editor: Editor | null, listed: ReadonlySet<string>): string | null {
  const [clauseId, setClauseId] = useState<string | null>(null);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const update = () => {
      const $from = editor.state.selection.$from;
      for (let depth = $from.depth; depth > 0; depth--) {
        const id: unknown = $from.node(depth).attrs.clauseId;
        if (typeof id === 'string' && listed.has(id)) {
          setClauseId(id);
          return;
        }
      }
    };
    editor.on('selectionUpdate', update);
    return () => {
      editor.off('selectionUpdate', update);
    };
  }, [editor, listed]);
  return clauseId;
}
