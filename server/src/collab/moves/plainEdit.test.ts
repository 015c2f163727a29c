import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isPlainEdit } from './plainEdit.js';
import { at, clause, move, paragraph } from './moveTestDocs.js';

/** A server document with two articles, and a client's copy of it. */
function setUp(): { server: Y.Doc; client: Y.Doc } {
  const server = new Y.Doc();
  server
    .getXmlFragment('default')
    .insert(0, [clause('article', 'art1', ['one one']), clause('article', 'art2', ['two two'])]);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** What `change` makes in the client, decoded (not applied to the server). */
function edit(client: Y.Doc, change: () => void): ReturnType<typeof Y.decodeUpdate> {
  const before = Y.encodeStateVector(client);
  change();
  return Y.decodeUpdate(Y.encodeStateAsUpdate(client, before));
}

describe('isPlainEdit', () => {
  it('typing and deleting characters in a live paragraph is plain', () => {
    const { server, client } = setUp();
    expect(
      isPlainEdit(
        server,
        edit(client, () => paragraph(at(client, [1])).insert(3, ' more')),
      ),
    ).toBe(true);
    const typedAtStart = edit(client, () => paragraph(at(client, [0])).insert(0, '>'));
    expect(isPlainEdit(server, typedAtStart)).toBe(true);
  });

  it('an update deleting characters only is plain; one deleting an element is not', () => {
    const { server, client } = setUp();
    // (a deletion does not show in a state vector: the update event carries it)
    const deletesText = new Y.Doc();
    Y.applyUpdate(deletesText, Y.encodeStateAsUpdate(server));
    let captured: Uint8Array | null = null;
    deletesText.on('update', (u: Uint8Array) => (captured = u));
    paragraph(at(deletesText, [0])).delete(0, 3);
    expect(isPlainEdit(server, Y.decodeUpdate(captured!))).toBe(true);
    let moved: Uint8Array | null = null;
    client.on('update', (u: Uint8Array) => (moved = u));
    move(client, [0], [], 1);
    expect(isPlainEdit(server, Y.decodeUpdate(moved!))).toBe(false);
  });

  it('typing into a clause the server has seen moved (its old copy) is not plain', () => {
    const { server, client } = setUp();
    const mover = new Y.Doc();
    Y.applyUpdate(mover, Y.encodeStateAsUpdate(server));
    move(mover, [0], [], 1);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(mover, Y.encodeStateVector(server)));
    const stale = edit(client, () => paragraph(at(client, [0])).insert(3, ' stale'));
    expect(isPlainEdit(server, stale)).toBe(false);
  });
});
