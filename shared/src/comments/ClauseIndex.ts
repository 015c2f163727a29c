import * as Y from 'yjs';
import type { DocumentLanguage } from '../documentKinds.js';
import { numberClauses } from '../document/numbering/numberClauses.js';
import type { ClauseSnapshot } from './anchorTypes.js';
import { yClauseTreeAdapter } from './yClauseTreeAdapter.js';

export interface ClauseEntry {
  clauseId: string;
  element: Y.XmlElement;
  snapshot: ClauseSnapshot;
}

/**
 * Every clause of the editor content (XmlFragment `default`) by clauseId, with its current
 * number, built in one walk. Of two elements sharing an id the first wins, as in numbering.
 */
export class ClauseIndex {
  readonly byId = new Map<string, ClauseEntry>();
  private readonly byElement = new Map<Y.XmlElement, ClauseEntry>();

  constructor(doc: Y.Doc, language: DocumentLanguage = 'en', field = 'default') {
    let index = 0;
    numberClauses<Y.XmlFragment | Y.XmlElement>(
      doc.getXmlFragment(field),
      yClauseTreeAdapter,
      language,
      (node, number) => {
        const position = index++;
        if (!(node instanceof Y.XmlElement)) return;
        const clauseId = node.getAttribute('clauseId');
        if (typeof clauseId !== 'string' || clauseId === '' || this.byId.has(clauseId)) return;
        const entry: ClauseEntry = {
          clauseId,
          element: node,
          snapshot: {
            kind: number.kind,
            number: number.number,
            label: number.label,
            path: number.path,
            parentId: number.parentId,
            index: position,
          },
        };
        this.byId.set(clauseId, entry);
        this.byElement.set(node, entry);
      },
    );
  }

  get(clauseId: string): ClauseEntry | undefined {
    return this.byId.get(clauseId);
  }

  /** The innermost clause containing `type` (the type itself when it is a clause). */
  clauseOf(type: Y.AbstractType<any> | null): ClauseEntry | undefined {
    for (let t = type; t; t = t.parent as Y.AbstractType<any> | null) {
      if (t instanceof Y.XmlElement) {
        const entry = this.byElement.get(t);
        if (entry) return entry;
      }
    }
    return undefined;
  }

  /** The innermost clause containing both types. */
  commonClause(a: Y.AbstractType<any>, b: Y.AbstractType<any>): ClauseEntry | undefined {
    const ofA = new Set<ClauseEntry>();
    for (
      let entry = this.clauseOf(a);
      entry;
      entry = this.clauseOf(entry.element.parent as Y.AbstractType<any>)
    ) {
      ofA.add(entry);
    }
    for (
      let entry = this.clauseOf(b);
      entry;
      entry = this.clauseOf(entry.element.parent as Y.AbstractType<any>)
    ) {
      if (ofA.has(entry)) return entry;
    }
    return undefined;
  }
}
