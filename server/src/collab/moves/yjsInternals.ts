import * as Y from 'yjs';
import { STRUCTURAL_NODE_TYPES } from '@accord/shared';

// Reading what Yjs keeps of deleted content needs its item lists, which its typings leave
// loosely typed; every such access is in this file.

const STRUCTURAL = new Set(STRUCTURAL_NODE_TYPES);

type AnyType = Y.AbstractType<any>;

/** The items of a type's list (its children or characters), deleted ones included, in order. */
export function listItems(type: AnyType): Y.Item[] {
  const items: Y.Item[] = [];
  for (let item = type._start; item !== null; item = item.right) items.push(item);
  return items;
}

/** The type an item belongs to (null for an item Yjs could not place). */
export function parentType(item: Y.Item): AnyType | null {
  return item.parent instanceof Y.AbstractType ? (item.parent as AnyType) : null;
}

/** The type an item holds, when it holds one (an element or a text). */
export function heldType(item: Y.Item): AnyType | null {
  return item.content instanceof Y.ContentType ? (item.content.type as AnyType) : null;
}

/** An element's attribute, also when the element (and so the attribute) is deleted. */
export function attributeOf(element: Y.XmlElement, key: string): unknown {
  const entry = element._map.get(key);
  if (!entry || !(entry.content instanceof Y.ContentAny || entry.content instanceof Y.ContentString)) {
    return undefined;
  }
  return entry.content.getContent()[0];
}

/** Every attribute an element holds, read from its entries (deleted ones included). */
export function attributesOf(element: Y.XmlElement): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const key of element._map.keys()) {
    const value = attributeOf(element, key);
    if (value !== undefined) attributes[key] = value;
  }
  return attributes;
}

/** The clause id of a structural element (a clause), else null. */
export function clauseIdOf(type: AnyType | null): string | null {
  if (!(type instanceof Y.XmlElement) || !STRUCTURAL.has(type.nodeName)) return null;
  const id = attributeOf(type, 'clauseId');
  return typeof id === 'string' ? id : null;
}

export function isDeletedType(type: AnyType): boolean {
  return type._item !== null && type._item.deleted;
}

/** The element a type sits in, or null at the root. */
export function enclosingType(type: AnyType): AnyType | null {
  const item = type._item;
  return item === null ? null : parentType(item);
}

/** Whether a type enclosing `type` (not `type` itself) satisfies `test`. */
export function hasEnclosing(type: AnyType, test: (enclosing: AnyType) => boolean): boolean {
  for (let current = enclosingType(type); current !== null; current = enclosingType(current)) {
    if (test(current)) return true;
  }
  return false;
}
