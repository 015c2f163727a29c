import * as Y from 'yjs';
import { Limits } from '@accord/shared';

/** The first element (document order) with this clauseId in the editor fragment, or null. */
export function findClauseElement(fragment: Y.XmlFragment, clauseId: string): Y.XmlElement | null {
  const visit = (parent: Y.XmlFragment | Y.XmlElement, depth: number): Y.XmlElement | null => {
    if (depth > Limits.documentNestingMax) return null;
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.getAttribute('clauseId') === clauseId) return child;
      const found = visit(child, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return visit(fragment, 0);
}
