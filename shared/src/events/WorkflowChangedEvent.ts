import type { WorkflowState } from '../schemas/versions.js';

/** Sent to every connection of the document when a coordinator changes its workflow state. */
export interface WorkflowChangedEvent {
  type: 'workflow.changed';
  documentId: string;
  state: WorkflowState;
  /** nobody's edits are taken while true: editors go read-only */
  textLocked: boolean;
  actorId: string;
}
