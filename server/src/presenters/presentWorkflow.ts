import type { PresentedWorkflow } from '@accord/shared';
import type { CurrentWorkflow } from '../queries/currentWorkflow.js';

export function presentWorkflow(workflow: CurrentWorkflow): PresentedWorkflow {
  return {
    state: workflow.state,
    textLocked: workflow.textLocked,
    changedAt: workflow.at?.toISOString() ?? null,
    changedBy: workflow.actorId,
    note: workflow.note,
  };
}
