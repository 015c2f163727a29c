import * as Y from 'yjs';
import { editorClientId } from './serverClientIds.js';

/** Whether some type around `item` was deleted (the item went with a deleted clause). */
function insideDeletedType(item: Y.Item): boolean {
  for (let parent = (item.parent as Y.AbstractType<unknown>)._item; parent;) {
    if (parent.deleted) return true;
    parent = (parent.parent as Y.AbstractType<unknown>)._item;
  }
  return false;
}

/** Whether anything inside `type` was written under `client` (a walk without recursion). */
function holdsWritingOf(type: Y.AbstractType<unknown>, client: number): boolean {
  const todo: Y.AbstractType<unknown>[] = [type];
  while (todo.length > 0) {
    const next = todo.pop()!;
    for (let item = next._start; item !== null; item = item.right) {
      if (item.id.client === client && !(item.content instanceof Y.ContentDeleted)) return true;
      if (item.content instanceof Y.ContentType) todo.push(item.content.type);
    }
  }
  return false;
}

/**
 * The Y.Doc an editor binds to: under an id outside the server's range, and keeping the text of
 * its own writing that went away with a clause someone else deleted or moved (Yjs deletes all
 * that is inside a deleted element, and would drop its content). Typed offline into a clause that
 * someone moved, that text is still there to send when the editor reconnects, even if it learns
 * of the move first, and the server carries it to the clause's new place. Text this person deleted
 * themselves is dropped as usual (its clause was still there).
 */
export function createEditorDoc(): Y.Doc {
  // (Yjs collects a deleted element's content with it, without asking about what is inside: an
  // element holding some of this person's writing is kept too)
  const doc: Y.Doc = new Y.Doc({
    gcFilter: (item) =>
      !(
        (item.id.client === doc.clientID && insideDeletedType(item)) ||
        (item.content instanceof Y.ContentType && holdsWritingOf(item.content.type, doc.clientID))
      ),
  });
  doc.clientID = editorClientId();
  return doc;
}
