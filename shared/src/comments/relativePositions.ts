import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';

/** base64 of Y.encodeRelativePosition: the form anchors take in the API. */
export function encodePosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/** Decodes a base64 relative position; null when the bytes are not one. */
export function decodePosition(base64: string): Y.RelativePosition | null {
  try {
    const position = Y.decodeRelativePosition(fromBase64(base64));
    // a position names either a type (by id or root name) or an item
    if (position.item === null && position.type === null && position.tname === null) return null;
    return position;
  } catch {
    return null;
  }
}

/** Whether the struct with this id is deleted (or unknown to this document). */
export function isDeleted(doc: Y.Doc, id: Y.ID): boolean {
  try {
    return Y.getItem(doc.store, id).deleted;
  } catch {
    return true;
  }
}

export interface LivePosition {
  type: Y.AbstractType<any>;
  index: number;
}

/**
 * The absolute position of a relative one, or null when it cannot be used: unknown to this
 * document yet, or its type (the XmlText) was deleted, e.g. because the editor recreated the
 * paragraph when an article was moved. Undone deletions are not followed, so every client
 * resolves a position alike.
 */
export function resolvePosition(doc: Y.Doc, position: Y.RelativePosition): LivePosition | null {
  let absolute: Y.AbsolutePosition | null;
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(position, doc, false);
  } catch {
    return null;
  }
  if (!absolute) return null;
  const item = absolute.type._item;
  if (item !== null && item.deleted) return null;
  return { type: absolute.type, index: absolute.index };
}
