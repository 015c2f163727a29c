import { useEffect, useState } from 'react';
import type { PresentedDocument, WorkflowState } from '@accord/shared';
import type { CollabSession } from '../collab/CollabSession';

export interface Workflow {
  state: WorkflowState;
  textLocked: boolean;
}

/**
 * The document's workflow state and text lock: as loaded with the document, then as the server
 * says on `workflow.changed` (a coordinator changed it, here or elsewhere) or as the caller sets
 * it from its own request's answer.
 */
export function useWorkflow(
  document: PresentedDocument | null,
  session: CollabSession | null,
): [Workflow | null, (workflow: Workflow) => void] {
  const [changed, setChanged] = useState<{ documentVersion: string; workflow: Workflow } | null>(null);
  // a reloaded document carries the newest state; a change heard since it loaded wins until then
  const documentVersion = document
    ? `${document.id}:${document.updatedAt}:${document.state}:${document.textLocked}`
    : '';

  useEffect(() => {
    if (!session) return;
    return session.on('workflow.changed', (event) =>
      setChanged({ documentVersion, workflow: { state: event.state, textLocked: event.textLocked } }),
    );
  }, [session, documentVersion]);

  const set = (workflow: Workflow) => setChanged({ documentVersion, workflow });
  if (!document) return [null, set];
  if (changed && changed.documentVersion === documentVersion) return [changed.workflow, set];
  return [{ state: document.state, textLocked: document.textLocked }, set];
}
