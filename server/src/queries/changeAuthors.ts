import * as Y from 'yjs';
import { Limits, type PresentedChangeAuthors } from '@accord/shared';
import type { CollabControl } from '../collab/CollabControl.js';
import { sequenceKey } from '../database/sequenceKey.js';
import { toBytes } from '../collab/readStoredState.js';
import { Version } from '../models/Version.js';
import { EDITOR_FIELD } from '../structure/encodeInitialState.js';
import { authorIndex, deleterOf, deletionsOf, ownersOf, presentAuthors, writerKey } from './authorship.js';
import type { TextSource } from './exportSource.js';

interface Found {
  /** by clause id: the client ids of content written there after `from` and still there */
  wrote: Map<string, Set<number>>;
  /** by clause id: content there in `from` and deleted since (its first character's id) */
  deleted: Map<string, Y.ID[]>;
}

/**
 * Who made the changes between two versions (or a version and the live text), clause by clause:
 * who wrote the text that is new in `to`, and who deleted the text of `from` that `to` lacks
 * (whole clauses included). Null when `to` is not later than `from` (the changes then run
 * backwards in time and have no authors). Needs the versions' Yjs states, which every version keeps.
 */
export async function changeAuthors(
  collab: CollabControl,
  documentId: string,
  from: TextSource,
  to: TextSource,
): Promise<PresentedChangeAuthors | null> {
  if (from === 'live' || (to !== 'live' && to <= from)) return null;
  const fromDoc = await versionDoc(documentId, from);
  if (!fromDoc) return null;
  let found: Found | null;
  if (to === 'live') {
    found = await collab.withDocument(documentId, (doc) => changesSince(fromDoc, doc));
  } else {
    const toDoc = await versionDoc(documentId, to);
    found = toDoc ? changesSince(fromDoc, toDoc) : null;
  }
  if (!found) return null;

  const clients = new Set<number>();
  for (const set of found.wrote.values()) set.forEach((c) => clients.add(c));
  for (const ids of found.deleted.values()) ids.forEach((id) => clients.add(id.client));
  const [owners, deletions] = await Promise.all([
    ownersOf(documentId, clients),
    deletionsOf(documentId, clients),
  ]);

  const { keys, indexOf } = authorIndex();
  const clauses: PresentedChangeAuthors['clauses'] = {};
  const entry = (clauseId: string) => (clauses[clauseId] ??= { wrote: [], deleted: [] });
  const add = (list: number[], index: number) => {
    if (!list.includes(index)) list.push(index);
  };
  for (const [clauseId, set] of found.wrote) {
    for (const client of set) add(entry(clauseId).wrote, indexOf(writerKey(owners, client)));
  }
  for (const [clauseId, ids] of found.deleted) {
    for (const id of ids)
      add(entry(clauseId).deleted, indexOf(deleterOf(deletions.get(id.client), id.clock)));
  }
  return { authors: await presentAuthors(keys), clauses };
}

async function versionDoc(documentId: string, number: number): Promise<Y.Doc | null> {
  const version = await Version.findById(sequenceKey(documentId, number), { state: 1 }).lean();
  if (!version) return null;
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, toBytes(version.state));
  return doc;
}

/** What changed in each clause of `to` since `from` (a state `to` grew from), and which clauses went. */
function changesSince(fromDoc: Y.Doc, toDoc: Y.Doc): Found {
  const known = Y.decodeStateVector(Y.encodeStateVector(fromDoc));
  const deletedThen = Y.createDeleteSetFromStructStore(fromDoc.store);
  const found: Found = { wrote: new Map(), deleted: new Map() };
  const wrote = (clauseId: string, client: number) => {
    let set = found.wrote.get(clauseId);
    if (!set) found.wrote.set(clauseId, (set = new Set()));
    set.add(client);
  };
  const deleted = (clauseId: string, id: Y.ID) => {
    let list = found.deleted.get(clauseId);
    if (!list) found.deleted.set(clauseId, (list = []));
    list.push(id);
  };

  walk(toDoc.getXmlFragment(EDITOR_FIELD), (item, clauseId) => {
    if (clauseId === null) return;
    const before = known.get(item.id.client) ?? 0;
    if (!item.deleted) {
      if (item.countable && item.id.clock + item.length > before) wrote(clauseId, item.id.client);
    } else if (item.id.clock < before && !Y.isDeleted(deletedThen, item.id)) {
      deleted(clauseId, item.id);
    }
  });

  // clauses of `from` that `to` deleted: their element was deleted since
  const deletedNow = Y.createDeleteSetFromStructStore(toDoc.store);
  walk(fromDoc.getXmlFragment(EDITOR_FIELD), (item) => {
    if (item.deleted || !(item.content instanceof Y.ContentType)) return;
    const type = item.content.type;
    const clauseId = type instanceof Y.XmlElement ? type.getAttribute('clauseId') : undefined;
    if (typeof clauseId === 'string' && Y.isDeleted(deletedNow, item.id)) deleted(clauseId, item.id);
  });
  return found;
}

/**
 * Calls `visit` with every item of the text (deleted ones in place), with the id of the innermost
 * clause holding it (null outside clauses); a clause's element itself belongs to the one around it.
 * Deleted elements are not entered (their content went with them). No recursion.
 */
function walk(root: Y.XmlFragment, visit: (item: Y.Item, clauseId: string | null) => void): void {
  const todo: Array<{ type: Y.AbstractType<any>; clauseId: string | null; depth: number }> = [
    { type: root, clauseId: null, depth: 0 },
  ];
  while (todo.length > 0) {
    const { type, clauseId, depth } = todo.pop()!;
    for (let item = type._start; item !== null; item = item.right) {
      visit(item, clauseId);
      if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
      const child = item.content.type;
      if (depth >= Limits.documentNestingMax) continue;
      const own = child instanceof Y.XmlElement ? child.getAttribute('clauseId') : undefined;
      todo.push({ type: child, clauseId: typeof own === 'string' ? own : clauseId, depth: depth + 1 });
    }
  }
}
