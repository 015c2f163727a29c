import { useEffect, useState } from 'react';
import type { CollabSession } from '../collab/CollabSession';
import { focusClause } from '../outline/focusClause';
import { useSessionEditor } from '../outline/useSessionEditor';
import { NAVIGATE_EVENT } from '../router/navigate';

function linkedClause(): string | null {
  return new URLSearchParams(window.location.search).get('clause');
}

/**
 * A link to a clause (?clause=<clause id>, from a search result) shows it: once per link, as soon
 * as the editor has the clause (the text may still be arriving when the page opens).
 */
export function useClauseLink(session: CollabSession | null): void {
  const editor = useSessionEditor(session);
  const [linked, setLinked] = useState(linkedClause);
  useEffect(() => {
    const onNavigate = () => setLinked(linkedClause());
    window.addEventListener(NAVIGATE_EVENT, onNavigate);
    window.addEventListener('popstate', onNavigate);
    return () => {
      window.removeEventListener(NAVIGATE_EVENT, onNavigate);
      window.removeEventListener('popstate', onNavigate);
    };
  }, []);
  useEffect(() => {
    if (!editor || !linked) return;
    const tryFocus = () => {
      if (editor.isDestroyed || !focusClause(editor, linked)) return;
      editor.off('update', tryFocus);
      setLinked(null);
    };
    editor.on('update', tryFocus);
    // after the editor's first render, so the clause has its DOM to scroll to
    const frame = requestAnimationFrame(tryFocus);
    return () => {
      cancelAnimationFrame(frame);
      editor.off('update', tryFocus);
    };
  }, [editor, linked]);
}
