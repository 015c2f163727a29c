import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { CollabSession } from '../collab/CollabSession';
import { installAmendmentMarkers } from './amendmentMarkers';
import { useAmendmentCounts } from './useAmendments';

type Markers = ReturnType<typeof installAmendmentMarkers>;

/** Keeps the editor's amendment markers in step with the counts, for whichever editor is in the slot. */
export function useAmendmentMarkers(session: CollabSession): void {
  const editor = useSyncExternalStore(session.editor.subscribe, session.editor.get);
  const counts = useAmendmentCounts(session.amendments);
  const store = session.amendments;
  const markers = useRef<Markers | null>(null);
  useEffect(() => {
    if (!editor) return;
    const installed = installAmendmentMarkers(editor, (clauseId) =>
      store.dispatch({ type: 'showClause', clauseId }),
    );
    markers.current = installed;
    return () => {
      installed.destroy();
      markers.current = null;
    };
  }, [editor, store]);
  // after the effect above when the editor changed too (effects run in order)
  useEffect(() => markers.current?.update(counts), [counts, editor]);
}
