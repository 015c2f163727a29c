import type { WorkflowState } from '@accord/shared';
import { WorkflowEvent } from '../models/WorkflowEvent.js';
import { lastInSequence } from '../database/lastInSequence.js';
import { sequenceKey } from '../database/sequenceKey.js';
import { lookupById } from '../database/lookupById.js';

export interface CurrentWorkflow {
  state: WorkflowState;
  textLocked: boolean;
  /** the latest workflow event's seq (0: none yet) */
  seq: number;
  at: Date | null;
  actorId: string | null;
  note: string | null;
}

const INITIAL: CurrentWorkflow = {
  state: 'drafting',
  textLocked: false,
  seq: 0,
  at: null,
  actorId: null,
  note: null,
};

/** The document's workflow state: its latest workflow event, found by `_id` lookups only. */
export async function currentWorkflow(documentId: string): Promise<CurrentWorkflow> {
  const exists = async (seq: number) =>
    (await lookupById(WorkflowEvent, sequenceKey(documentId, seq), { _id: 1 })) !== null;
  const seq = await lastInSequence(exists);
  if (seq === 0) return INITIAL;
  const event = await WorkflowEvent.findById(sequenceKey(documentId, seq)).lean();
  if (!event) return INITIAL;
  return {
    state: event.state,
    textLocked: event.textLocked,
    seq,
    at: event.at,
    actorId: event.actorId.toHexString(),
    note: event.note,
  };
}
