import type * as Y from 'yjs';

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/** below this many structs an update cannot leave much unused room in a list */
const MIN_STRUCTS = 32;

/**
 * Gives back the unused room in a document's struct lists (StructStore.clients: one array per
 * client id). Yjs appends each struct of an update to its client's array, then merges neighbours
 * and collects deleted ones at the end of the transaction, splicing the array shorter; V8 keeps
 * the room the array had at its longest. Typing 200 keystrokes into a fresh document leaves an
 * array of 5 structs holding room for ~460 (1.8 KiB, in every open document). A copy holds only
 * what is there.
 *
 * `decoded`: the update just applied; a list is copied when the update added at least twice as
 * many structs as the list now holds (so at least half its room is unused). Without it (after a
 * load, which applies many updates at once): every list.
 */
export function trimStructLists(doc: Y.Doc, decoded?: Decoded): void {
  const clients = doc.store.clients;
  if (!decoded) {
    for (const [client, structs] of clients) clients.set(client, structs.slice());
    return;
  }
  if (decoded.structs.length < MIN_STRUCTS) return;
  const added = new Map<number, number>();
  for (const struct of decoded.structs) {
    const client = struct.id.client;
    added.set(client, (added.get(client) ?? 0) + 1);
  }
  for (const [client, count] of added) {
    const structs = clients.get(client);
    if (structs && structs.length * 2 < count) clients.set(client, structs.slice());
  }
}
