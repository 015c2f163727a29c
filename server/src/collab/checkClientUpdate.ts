import * as Y from 'yjs';
import type { ContentMatch, NodeType } from '@tiptap/pm/model';
import { Limits, MARK, isAllowedLinkHref, isValidBracketOption, policySchema } from '@accord/shared';

/** The editor's content: the only shared type a client may write (Tiptap's Collaboration field). */
const EDITOR_ROOT = 'default';
const TEXT = 'text';

type Decoded = ReturnType<typeof Y.decodeUpdate>;
type Struct = Decoded['structs'][number];

/** A shared type an item is placed in. Depth: 0 for the root, 1 for the root's children, … */
type Container =
  | { kind: 'root'; name: string }
  | { kind: 'element'; name: string; depth: number }
  | { kind: 'text'; element: string | null; depth: number }
  | { kind: 'other' };

/** Where an item goes: its container and map key; or why it cannot be placed now. */
type Placement = { container: Container; parentSub: string | null } | 'missing' | 'dropped' | Invalid;

interface Invalid {
  invalid: string;
}

/**
 * Content an update waits for: it may apply once, for some client, the document's state (next
 * clock) passes the clock listed.
 */
export type Missing = { waitsFor: Map<number, number> };

/**
 * What the server does with a client's update:
 * - `ok`: every item it adds fits the editor schema (apply it);
 * - `{ waitsFor }`: some of it hangs off content the server does not have (yet), so it cannot
 *   be checked: it waits (see Room) until that content arrives, and is checked then;
 * - `{ invalid }`: it would leave the document invalid for the editor: refuse it whole.
 */
export type UpdateVerdict = 'ok' | Missing | Invalid;

/** Node types each node type may contain somewhere in its content expression. */
const CHILDREN = new Map<string, Set<string>>(
  Object.values(policySchema.nodes).map((type) => [type.name, reachableChildren(type)]),
);

function reachableChildren(type: NodeType): Set<string> {
  const names = new Set<string>();
  const seen = new Set<ContentMatch>();
  const todo = [type.contentMatch];
  while (todo.length > 0) {
    const match = todo.pop()!;
    if (seen.has(match)) continue;
    seen.add(match);
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      names.add(edge.type.name);
      todo.push(edge.next);
    }
  }
  return names;
}

// y-prosemirror stores overlapping marks as "name--<8-char hash>"; the mark name is the prefix.
const HASHED_MARK_NAME = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

const jsonBytes = (value: unknown): number => {
  const json = JSON.stringify(value);
  return json === undefined ? 0 : Buffer.byteLength(json);
};

/**
 * Checks, from the decoded update alone and the document's current state (no copy of the
 * document, no applying), that every item the update adds is what the editor can show: only
 * elements the schema knows under the root `default`, where their parent may contain them, no
 * deeper than Limits.documentNestingMax; attributes the node declares, of bounded size; text only
 * in textblocks, with marks the schema allows there. Cost: a lookup per item (a keystroke is one
 * or two items whose neighbour is in the document).
 */
export function checkClientUpdate(doc: Y.Doc, decoded: Decoded): UpdateVerdict {
  const store = doc.store;
  const typing = checkTyping(store, decoded.structs);
  if (typing !== null) return typing;
  const byClient = new Map<number, Struct[]>();
  for (const struct of decoded.structs) {
    let list = byClient.get(struct.id.client);
    if (!list) byClient.set(struct.id.client, (list = []));
    list.push(struct);
  }
  // the end of what is known per client: the document's state, extended by this update's structs
  // that follow on from it without a gap
  const known = new Map<number, number>();
  for (const [client, structs] of byClient) {
    let end = Y.getState(store, client);
    for (const struct of structs) {
      if (struct instanceof Y.Skip || struct.id.clock > end) break;
      end = Math.max(end, struct.id.clock + struct.length);
    }
    known.set(client, end);
  }
  const isKnown = (id: Y.ID) => id.clock < (known.get(id.client) ?? 0);
  const inDocument = (id: Y.ID) => id.clock < Y.getState(store, id.client);

  const findInUpdate = (id: Y.ID): Struct | undefined => {
    const structs = byClient.get(id.client);
    if (!structs) return undefined;
    let lo = 0;
    let hi = structs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = structs[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return undefined;
  };

  const placements = new Map<Struct, Placement>();
  const waitsFor = new Map<number, number>();
  const wait = (client: number, clock: number): 'missing' => {
    const earliest = waitsFor.get(client);
    if (earliest === undefined || clock < earliest) waitsFor.set(client, clock);
    return 'missing';
  };

  /** The placement of an item already in the document. */
  const placementInDocument = (id: Y.ID): Placement => {
    const struct = Y.getItem(store, id);
    if (!(struct instanceof Y.Item) || !(struct.parent instanceof Y.AbstractType)) return 'dropped';
    return { container: containerOfType(struct.parent), parentSub: struct.parentSub };
  };

  /** The container a struct of this update holds, once the struct's own placement is known. */
  const containerHeldBy = (
    struct: Struct,
    placement: Placement,
  ): Container | Invalid | 'missing' | 'dropped' => {
    if (typeof placement === 'string' || 'invalid' in placement) return placement;
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) {
      return { invalid: 'an item is placed in something that is not a shared type' };
    }
    return containerOfNewType(struct.content.type, placement.container);
  };

  /**
   * What a struct's placement depends on: another struct of this update (resolved first), or
   * nothing. Resolved without recursion: an update may chain thousands of items.
   */
  const dependency = (item: Y.Item): Y.ID | null => {
    if (typeof item.parent === 'string') return null;
    if (item.parent instanceof Y.ID) return item.parent;
    return item.origin ?? item.rightOrigin;
  };

  const resolveDirect = (item: Y.Item, dependencyPlacement: () => Placement): Placement => {
    if (typeof item.parent === 'string') {
      return { container: { kind: 'root', name: item.parent }, parentSub: item.parentSub };
    }
    if (item.parent instanceof Y.ID) {
      const parentId = item.parent;
      let container: Container | Invalid | 'missing' | 'dropped';
      if (inDocument(parentId)) {
        const parent = Y.getItem(store, parentId);
        container =
          parent instanceof Y.Item && parent.content instanceof Y.ContentType
            ? containerOfType(parent.content.type)
            : parent instanceof Y.GC
              ? 'dropped'
              : { invalid: 'an item is placed in something that is not a shared type' };
      } else {
        const parent = findInUpdate(parentId);
        container =
          parent && isKnown(parentId)
            ? containerHeldBy(parent, dependencyPlacement())
            : wait(parentId.client, parentId.clock);
      }
      if (typeof container === 'string' || 'invalid' in container) return container;
      return { container, parentSub: item.parentSub };
    }
    const neighbour = item.origin ?? item.rightOrigin;
    if (!neighbour) return { invalid: 'an item without a place' };
    if (inDocument(neighbour)) return placementInDocument(neighbour);
    if (!isKnown(neighbour)) return wait(neighbour.client, neighbour.clock);
    return dependencyPlacement();
  };

  const placementOf = (start: Y.Item): Placement => {
    const stack: Y.Item[] = [start];
    const onStack = new Set<Struct>([start]);
    while (stack.length > 0) {
      const item = stack[stack.length - 1]!;
      if (placements.has(item)) {
        stack.pop();
        continue;
      }
      const depId = dependency(item);
      let dep: Struct | undefined;
      if (depId && !inDocument(depId) && isKnown(depId)) dep = findInUpdate(depId);
      if (dep && !placements.has(dep)) {
        if (!(dep instanceof Y.Item)) {
          placements.set(dep, 'dropped');
        } else if (onStack.has(dep)) {
          placements.set(item, { invalid: 'items placed in a cycle' });
          stack.pop();
          continue;
        } else {
          stack.push(dep);
          onStack.add(dep);
          continue;
        }
      }
      placements.set(
        item,
        resolveDirect(item, () => (dep ? placements.get(dep)! : 'missing')),
      );
      stack.pop();
    }
    return placements.get(start)!;
  };

  for (const [client, structs] of byClient) {
    const state = Y.getState(store, client);
    for (const struct of structs) {
      // what the document already has is not applied again
      if (struct instanceof Y.GC || struct.id.clock + struct.length <= state) continue;
      if (struct instanceof Y.Skip || struct.id.clock >= known.get(client)!) {
        // a gap in this client's clocks: the rest waits for what comes before it
        wait(client, known.get(client)!);
        break;
      }
      const item = struct as Y.Item;
      const placement = placementOf(item);
      if (placement === 'missing') continue;
      if (placement === 'dropped') continue;
      if ('invalid' in placement) return placement;
      const problem = checkItem(item, placement.container, placement.parentSub);
      if (problem) return { invalid: problem };
    }
  }
  return waitsFor.size > 0 ? { waitsFor } : 'ok';
}

/**
 * The common case, a keystroke: characters, marks or deleted content placed next to an item of
 * an existing text, without gaps. Null for any other update (the general check then decides).
 */
function checkTyping(store: Y.Doc['store'], structs: readonly Struct[]): 'ok' | Invalid | null {
  let client = -1;
  let end = 0;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || struct.parent !== null) return null;
    const content = struct.content;
    const isFormat = content instanceof Y.ContentFormat;
    if (!isFormat && !(content instanceof Y.ContentString) && !(content instanceof Y.ContentDeleted)) {
      return null;
    }
    if (struct.id.client !== client) {
      client = struct.id.client;
      end = Y.getState(store, client);
    }
    if (struct.id.clock > end) return null;
    end = Math.max(end, struct.id.clock + struct.length);
    const neighbour = struct.origin ?? struct.rightOrigin;
    if (!neighbour || neighbour.clock >= Y.getState(store, neighbour.client)) return null;
    const next = Y.getItem(store, neighbour);
    if (!(next instanceof Y.Item) || !(next.parent instanceof Y.XmlText) || next.parentSub !== null)
      return null;
    if (isFormat) {
      const element: unknown = next.parent._item?.parent;
      const problem = checkMark(content, element instanceof Y.XmlElement ? element.nodeName : null);
      if (problem) return { invalid: problem };
    }
  }
  return 'ok';
}

/** The container a shared type already in the document is. */
function containerOfType(type: Y.AbstractType<unknown>): Container {
  if (type._item === null) {
    const name = Y.findRootTypeKey(type);
    return { kind: 'root', name };
  }
  const depth = depthOf(type);
  if (type instanceof Y.XmlText) {
    const parent = type._item.parent;
    return { kind: 'text', element: parent instanceof Y.XmlElement ? parent.nodeName : null, depth };
  }
  if (type instanceof Y.XmlElement) return { kind: 'element', name: type.nodeName, depth };
  return { kind: 'other' };
}

/** Nesting depth of a type in the document, counted up to just past the limit. */
function depthOf(type: Y.AbstractType<unknown>): number {
  let depth = 0;
  let current: Y.AbstractType<unknown> | null = type;
  while (current?._item && depth <= Limits.documentNestingMax + 1) {
    depth++;
    const parent: unknown = current._item.parent;
    current = parent instanceof Y.AbstractType ? (parent as Y.AbstractType<unknown>) : null;
  }
  return depth;
}

/** The container a new shared type of this update will be, placed in `parent`. */
function containerOfNewType(type: Y.AbstractType<unknown>, parent: Container): Container {
  const depth = parent.kind === 'element' || parent.kind === 'text' ? parent.depth + 1 : 1;
  if (type instanceof Y.XmlText) {
    return { kind: 'text', element: parent.kind === 'element' ? parent.name : null, depth };
  }
  if (type instanceof Y.XmlElement) return { kind: 'element', name: type.nodeName, depth };
  return { kind: 'other' };
}

/** Why an item would make the document invalid for the editor, or null when it fits. */
function checkItem(item: Y.Item, container: Container, parentSub: string | null): string | null {
  const content = item.content;
  if (container.kind === 'root' && container.name !== EDITOR_ROOT) {
    return `unknown shared type "${container.name.slice(0, 40)}"`;
  }
  // deleted content is never shown; only where it goes matters
  if (content instanceof Y.ContentDeleted) return null;
  switch (container.kind) {
    case 'root':
      if (parentSub !== null) return 'the document root has no attributes';
      return checkChild(content, policySchema.topNodeType.name, 1);
    case 'element': {
      const nodeType = policySchema.nodes[container.name];
      if (!nodeType) return `unknown node "${container.name.slice(0, 40)}"`;
      if (parentSub !== null) {
        if (!nodeType.spec.attrs || !Object.hasOwn(nodeType.spec.attrs, parentSub)) {
          return `unknown attribute "${parentSub.slice(0, 40)}" on ${container.name}`;
        }
        if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) {
          return `attribute ${parentSub} of ${container.name} is not a value`;
        }
        if (jsonBytes(content.arr[0]) > Limits.documentAttributeBytes) {
          return `attribute ${parentSub} of ${container.name} is too large`;
        }
        return null;
      }
      return checkChild(content, container.name, container.depth + 1);
    }
    case 'text':
      if (parentSub !== null) return 'text has no attributes';
      if (content instanceof Y.ContentString) return null;
      if (content instanceof Y.ContentFormat) return checkMark(content, container.element);
      return 'text holds something other than characters and marks';
    case 'other':
      return 'content of a shared type the editor does not use';
  }
}

/** A child of the node `parentName`, at `depth`. */
function checkChild(content: Y.Item['content'], parentName: string, depth: number): string | null {
  if (!(content instanceof Y.ContentType)) return `${parentName} holds something other than nodes`;
  const allowed = CHILDREN.get(parentName);
  const type = content.type;
  if (type instanceof Y.XmlText) {
    return allowed?.has(TEXT) ? null : `${parentName} may not hold text`;
  }
  if (!(type instanceof Y.XmlElement)) return `${parentName} holds a shared type the editor does not use`;
  const name = type.nodeName;
  if (name === TEXT || !policySchema.nodes[name]) return `unknown node "${name.slice(0, 40)}"`;
  if (!allowed?.has(name)) return `${name} may not be placed in ${parentName}`;
  if (depth > Limits.documentNestingMax) return `nodes nested deeper than ${Limits.documentNestingMax}`;
  return null;
}

function checkMark(content: Y.ContentFormat, element: string | null): string | null {
  const name = HASHED_MARK_NAME.exec(content.key)?.[1] ?? content.key;
  const markType = policySchema.marks[name];
  if (!markType) return `unknown mark "${name.slice(0, 40)}"`;
  const nodeType = element === null ? undefined : policySchema.nodes[element];
  if (!nodeType?.allowsMarkType(markType)) return `mark ${name} not allowed in ${element ?? 'this text'}`;
  const value: unknown = content.value;
  // null ends a mark
  if (value === null) return null;
  if (value === true) return null;
  if (typeof value !== 'object' || jsonBytes(value) > Limits.documentAttributeBytes) {
    return `mark ${name} has invalid attributes`;
  }
  if (name === 'link' && !isAllowedLinkHref((value as { href?: unknown }).href)) {
    return 'link target not allowed';
  }
  if (name === MARK.bracketed && !isValidBracketOption((value as { option?: unknown }).option)) {
    return 'bracketed text has an invalid option label';
  }
  return null;
}
