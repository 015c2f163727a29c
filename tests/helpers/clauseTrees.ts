import * as Y from 'yjs';

// Reading and moving clauses in a raw Yjs document, as a stock client (not Accord's editor) would.

/** Every live clause element (with a clauseId) in document order. */
export function clauseElements(doc: Y.Doc): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const visit = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.getAttribute('clauseId')) found.push(child);
      visit(child);
    }
  };
  visit(doc.getXmlFragment('default'));
  return found;
}

export function clauseById(doc: Y.Doc, clauseId: string): Y.XmlElement {
  const element = clauseElements(doc).find((e) => e.getAttribute('clauseId') === clauseId);
  if (!element) throw new Error(`no clause ${clauseId}`);
  return element;
}

/** How many live clauses carry this id. */
export function countClause(doc: Y.Doc, clauseId: string): number {
  return clauseElements(doc).filter((e) => e.getAttribute('clauseId') === clauseId).length;
}

/** All the text inside a clause (headings and paragraphs, nested clauses included), joined by '|'. */
export function clauseText(element: Y.XmlElement): string {
  const parts: string[] = [];
  const visit = (type: Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) parts.push(child.toString());
      else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  visit(element);
  return parts.join('|');
}

/** The first text of a clause (its heading, or its first paragraph). */
export function firstText(element: Y.XmlElement): Y.XmlText {
  let type: Y.XmlElement | Y.XmlText = element;
  while (type instanceof Y.XmlElement) type = type.get(0) as Y.XmlElement | Y.XmlText;
  return type;
}

/**
 * Moves a clause as every editor built on y-prosemirror does (Yjs has no move): delete it and
 * insert a copy with the same ids, in one transaction. `parentId` null: the document's top level.
 */
export function moveClause(doc: Y.Doc, clauseId: string, parentId: string | null, index: number): void {
  doc.transact(() => {
    const element = clauseById(doc, clauseId);
    const copy = element.clone();
    const from = element.parent as Y.XmlElement | Y.XmlFragment;
    from.delete(from.toArray().indexOf(element), 1);
    const to = parentId === null ? doc.getXmlFragment('default') : clauseById(doc, parentId);
    to.insert(Math.min(index, to.length), [copy]);
  });
}

/** The document as JSON, for comparing replicas. */
export function documentJson(doc: Y.Doc): string {
  return JSON.stringify(doc.getXmlFragment('default').toJSON());
}
