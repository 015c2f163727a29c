import type { ExportBlock, ExportClause } from './ExportTree.js';

export type BlockRun = { type: 'actions'; actions: ExportClause[] } | { type: 'block'; block: ExportBlock };

/**
 * Consecutive actions become one run, which the formats show as one table of actions (lead,
 * partners, dates, indicator, status); every other block stays on its own.
 */
export function groupActionRuns(blocks: ExportBlock[]): BlockRun[] {
  const runs: BlockRun[] = [];
  for (const block of blocks) {
    const last = runs[runs.length - 1];
    if (block.type === 'clause' && block.clause.kind === 'action') {
      if (last?.type === 'actions') last.actions.push(block);
      else runs.push({ type: 'actions', actions: [block] });
    } else runs.push({ type: 'block', block });
  }
  return runs;
}
