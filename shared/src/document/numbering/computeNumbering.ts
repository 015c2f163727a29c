import type { JSONContent } from '@tiptap/core';
import type { DocumentLanguage } from '../../documentKinds.js';
import { isValidClauseId } from '../ids/base62.js';
import type { ClauseNumber } from './ClauseNumber.js';
import { jsonTreeAdapter } from './jsonTreeAdapter.js';
import { numberClauses } from './numberClauses.js';

/**
 * clauseId → computed number for a document in ProseMirror JSON, in document order. A clause
 * without a valid id is counted but absent from the map; of two clauses sharing an id, the
 * first is listed (repairClauseIds fixes the second).
 */
export function computeNumbering(
  docJson: JSONContent,
  language: DocumentLanguage,
): Map<string, ClauseNumber> {
  const numbers = new Map<string, ClauseNumber>();
  numberClauses(docJson, jsonTreeAdapter, language, (node, number) => {
    const id = node.attrs?.clauseId;
    if (isValidClauseId(id) && !numbers.has(id)) numbers.set(id, number);
  });
  return numbers;
}
