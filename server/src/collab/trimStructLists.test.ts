import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { trimStructLists } from './trimStructLists.js';

/** `n` keystrokes, one update each, merged into one update (as a client catching up sends them) */
function typing(n: number): Uint8Array {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) text.insert(i, 'x');
  return Y.mergeUpdates(updates);
}

describe('trimStructLists', () => {
  it('copies a list an update grew and then merged or collected, keeping the same structs', () => {
    const doc = new Y.Doc();
    const update = typing(200);
    Y.applyUpdate(doc, update);
    const client = [...doc.store.clients.keys()][0]!;
    const before = doc.store.clients.get(client)!;
    trimStructLists(doc, Y.decodeUpdate(update));
    const after = doc.store.clients.get(client)!;
    expect(after).not.toBe(before);
    expect(after).toEqual(before);
    // the document goes on as before
    expect(after.length).toBeLessThan(5);
    doc.getText('t').insert(200, 'y');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(copy.getText('t').toString()).toBe(`${'x'.repeat(200)}y`);
  });

  it('leaves lists alone after a small update, or when the update added what the list holds', () => {
    const doc = new Y.Doc();
    const small = typing(5);
    Y.applyUpdate(doc, small);
    const [list] = doc.store.clients.values();
    trimStructLists(doc, Y.decodeUpdate(small));
    expect(doc.store.clients.values().next().value).toBe(list);

    const other = new Y.Doc();
    const source = new Y.Doc();
    for (let i = 0; i < 40; i++) source.getArray('a').push([i, { i }]);
    const kept = Y.encodeStateAsUpdate(source);
    Y.applyUpdate(other, kept);
    const [kept1] = other.store.clients.values();
    trimStructLists(other, Y.decodeUpdate(kept));
    expect(other.store.clients.values().next().value).toBe(kept1);
  });

  it('after a load, copies every list', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, typing(3));
    const [list] = doc.store.clients.values();
    trimStructLists(doc);
    const [copied] = doc.store.clients.values();
    expect(copied).not.toBe(list);
    expect(copied).toEqual(list);
  });
});
