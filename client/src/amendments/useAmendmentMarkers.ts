import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CollabSession } from '../collab/CollabSession';
import { installAmendmentMarkers } from './amendmentMarkers';
import { useAmendmentCounts } from './useAmendments';

type Markers = ReturnType<typeof installAmendmentMarkers>;

/** Keeps the editor's amendment markers in step with the counts, for whichever editor is in the slot. */
export function useAmendmentMarkers(session: CollabSession): void {
  const editor = useSyncExternalStore(session.editor.subscribe, session.editor.get);
  const counts = useAmendmentCounts(session.amendments);
  const store = session.amendments;
  const [markers, setMarkers] = useState<Markers | null>(null);
  useEffect(() => {
    if (!editor) return;
    const installed = installAmendmentMarkers(editor, (clauseId) => store.dispatch({ type: 'showClause', clauseId }));
    setMarkers(installed);
    return () => {
      installed.destroy();
      setMarkers(null);
    };
  }, [editor, store]);
  useEffect(() => markers?.update(counts), [markers, counts]);
}
