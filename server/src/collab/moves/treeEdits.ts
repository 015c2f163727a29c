import type * as Y from 'yjs';
import { parentType } from './yjsInternals.js';

/** Inserts `inserted` just before `element`, in the same parent. Run inside a transaction. */
export function insertBefore(element: Y.XmlElement, inserted: Y.XmlElement): void {
  const parent = parentType(element._item!) as Y.XmlElement;
  parent.insert(indexIn(parent, element._item!), [inserted]);
}

/** Deletes `element` from its parent. Run inside a transaction. */
export function removeElement(element: Y.XmlElement): void {
  const parent = parentType(element._item!) as Y.XmlElement;
  parent.delete(indexIn(parent, element._item!), 1);
}

/** The index of `item` among the live entries of `parent` (as Yjs counts them). */
function indexIn(parent: Y.AbstractType<any>, item: Y.Item): number {
  let index = 0;
  for (let current = parent._start; current !== null && current !== item; current = current.right) {
    if (!current.deleted && current.countable) index += current.length;
  }
  return index;
}
