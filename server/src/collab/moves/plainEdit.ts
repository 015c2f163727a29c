import * as Y from 'yjs';

type Decoded = ReturnType<typeof Y.decodeUpdate>;
type AnyType = Y.AbstractType<any>;

/**
 * Whether an update (not applied yet) is a plain edit: it deletes no element the document holds
 * (no clause moved or deleted, no paragraphs joined) and writes only into elements that are not
 * deleted. Anything else may start a move repair, whose server change must reach the others in
 * the same message as the update, so that nobody sees, even for a moment, a moved clause without
 * the words the repair carries into it. A plain edit may be sent on before it is applied.
 */
export function isPlainEdit(doc: Y.Doc, decoded: Decoded): boolean {
  const store = doc.store;
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = store.clients.get(client);
    if (!structs || structs.length === 0) continue;
    for (const range of ranges) {
      const end = range.clock + range.len;
      const last = structs[structs.length - 1]!;
      if (range.clock >= last.id.clock + last.length) continue;
      for (let i = Y.findIndexSS(structs, range.clock); i < structs.length; i++) {
        const struct = structs[i]!;
        if (struct.id.clock >= end) break;
        if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) return false;
      }
    }
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = parentOf(store, struct);
    // undefined: it hangs off content the server does not have (yet); or a deleted element
    if (parent === undefined || (parent !== null && isDeletedType(parent))) return false;
  }
  return true;
}

/** The type a decoded item goes into, from the store; null for a root; undefined if unknown. */
function parentOf(store: Y.Doc['store'], item: Y.Item): AnyType | null | undefined {
  if (typeof item.parent === 'string') return null;
  const anchor = item.parent instanceof Y.ID ? item.parent : (item.origin ?? item.rightOrigin);
  if (!anchor) return undefined;
  const found = find(store, anchor);
  if (!found) {
    // an item of the same update (e.g. the next character typed): its parent is decided there
    return item.parent instanceof Y.ID ? undefined : null;
  }
  if (item.parent instanceof Y.ID) {
    return found instanceof Y.Item && found.content instanceof Y.ContentType
      ? (found.content.type as AnyType)
      : undefined;
  }
  return found instanceof Y.Item && found.parent instanceof Y.AbstractType
    ? (found.parent as AnyType)
    : undefined;
}

function find(store: Y.Doc['store'], id: Y.ID): Y.Item | Y.GC | null {
  const structs = store.clients.get(id.client);
  if (!structs || structs.length === 0) return null;
  const last = structs[structs.length - 1]!;
  if (id.clock >= last.id.clock + last.length) return null;
  return structs[Y.findIndexSS(structs, id.clock)] as Y.Item | Y.GC;
}

function isDeletedType(type: AnyType): boolean {
  for (let t: AnyType | null = type; t?._item; t = t._item.parent as AnyType | null) {
    if (t._item.deleted) return true;
  }
  return false;
}
