import type { Node as PMNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { DocumentLanguage } from '../../documentKinds.js';
import { isValidClauseId } from '../ids/base62.js';
import type { ClauseNumber } from './ClauseNumber.js';
import { numberClauses } from './numberClauses.js';
import { pmTreeAdapter } from './pmTreeAdapter.js';

export interface DocNumbering {
  numbers: Map<string, ClauseNumber>;
  decorations: DecorationSet;
}

/**
 * Numbers a live document and builds one node decoration per clause carrying the number as
 * data attributes (`data-number-label="Article 3"`, `data-number`, `data-path`,
 * `data-clause-kind`). The editor's CSS shows the label (e.g. `::before { content:
 * attr(data-number-label) }`), so numbers are visible but never part of the document, and need
 * no DOM code here.
 */
export function numberingForDoc(doc: PMNode, language: DocumentLanguage): DocNumbering {
  const numbers = new Map<string, ClauseNumber>();
  const decorations: Decoration[] = [];
  numberClauses({ node: doc, pos: -1 }, pmTreeAdapter, language, ({ node, pos }, number) => {
    const id: unknown = node.attrs.clauseId;
    if (isValidClauseId(id) && !numbers.has(id)) numbers.set(id, number);
    decorations.push(
      Decoration.node(pos, pos + node.nodeSize, {
        'data-number-label': number.label,
        'data-number': number.number,
        'data-path': number.path,
        'data-clause-kind': number.kind,
      }),
    );
  });
  return { numbers, decorations: DecorationSet.create(doc, decorations) };
}
