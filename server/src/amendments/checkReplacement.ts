import { NODE, checkActionAttrs, type ClauseContent } from '@accord/shared';
import { InvalidProposal } from '../errors/InvalidProposal.js';
import type { ClauseBlocks } from './clauseBlocks.js';
import { checkClauseJson, fitsContent, replacedChildTypes } from './clauseStructure.js';

function check(json: Record<string, unknown>): void {
  try {
    checkClauseJson(json);
  } catch (error) {
    throw new InvalidProposal(`The proposal does not fit the document: ${(error as Error).message}`);
  }
}

/**
 * Checks a clause's proposed wording against the schema and against the clause it replaces: the
 * same heading (present or not), text the editor allows (marks, links), paragraphs the clause
 * can hold, fields only for actions. Throws 400 invalid_proposal.
 */
export function checkReplacement(blocks: ClauseBlocks, proposal: ClauseContent): void {
  const type = blocks.clause.nodeName;
  if ((proposal.heading === null) !== (blocks.heading === null))
    throw new InvalidProposal(
      blocks.heading ? 'The clause has a heading: propose one.' : 'The clause has no heading.',
    );
  if (proposal.fields && type !== NODE.action) throw new InvalidProposal('Only actions have fields.');
  if (proposal.fields) {
    const problems = checkActionAttrs(proposal.fields as unknown as Record<string, unknown>);
    if (problems.length > 0) throw new InvalidProposal(problems.join('; '));
  }
  if (type === NODE.recital) {
    if (proposal.paragraphs.length !== 1) throw new InvalidProposal('A recital is one paragraph.');
    check({
      type: NODE.paragraph,
      content: proposal.paragraphs[0]!.map((run) => ({ type: 'text', ...run })),
    });
    return;
  }
  if (proposal.heading)
    check({ type: NODE.clauseHeading, content: proposal.heading.map((run) => ({ type: 'text', ...run })) });
  for (const paragraph of proposal.paragraphs)
    check({ type: NODE.paragraph, content: paragraph.map((run) => ({ type: 'text', ...run })) });
  if (!fitsContent(type, replacedChildTypes(blocks.clause, blocks.paragraphs, proposal.paragraphs.length)))
    throw new InvalidProposal('The clause cannot hold these paragraphs.');
}
