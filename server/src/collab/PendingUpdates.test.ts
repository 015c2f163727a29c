import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SocketState, type CollabSocket } from './CollabSocket.js';
import { CloseCode } from '@accord/shared';
import { Connection } from './Connection.js';
import { CollabError } from './CollabError.js';
import { PendingUpdates } from './PendingUpdates.js';
import { checkClientUpdate, type Missing } from './checkClientUpdate.js';

/** A connection over a socket that stays open and records how it was closed. */
function connection(): Connection & { closedWith?: number } {
  const socket = {
    readyState: SocketState.OPEN as number,
    bufferedAmount: 0,
    send() {},
    close(code: number) {
      conn.closedWith = code;
      socket.readyState = SocketState.CLOSED;
    },
    onMessage() {},
    onClose() {},
  } satisfies CollabSocket;
  const conn: Connection & { closedWith?: number } = new Connection(
    socket,
    { id: 'u1', name: 'Ana', colour: '#000' },
    'drafter',
    {
      maxMessagesPerSecond: 100,
      maxAwarenessQueriesPerSecond: 10,
      maxSendBacklogBytes: 1e6,
      maxEarlyBytes: 1e6,
    },
  );
  return conn;
}

function paragraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(fragment.length, [p]);
}

/** An update that continues after a first paragraph it does not carry, and that paragraph. */
function splitUpdates(): { first: Uint8Array; second: Uint8Array } {
  const doc = new Y.Doc();
  paragraph(doc, 'first');
  const first = Y.encodeStateAsUpdate(doc);
  const before = Y.encodeStateVector(doc);
  paragraph(doc, 'second');
  return { first, second: Y.encodeStateAsUpdate(doc, before) };
}

describe('PendingUpdates', () => {
  it('applies a held update once what it waits for arrives, and only then settles whenApplied', async () => {
    const server = new Y.Doc();
    const pending = new PendingUpdates(1e6);
    const conn = connection();
    const { first, second } = splitUpdates();
    const verdict = checkClientUpdate(server, Y.decodeUpdate(second)) as Missing;
    expect(verdict.waitsFor).toBeDefined();
    pending.park(conn, second, 'update', verdict);
    expect(pending.has(conn)).toBe(true);
    expect(pending.bytes).toBe(second.byteLength);
    let applied = false;
    const settled = pending.whenApplied(conn).then(() => (applied = true));
    const integrate = (entry: { update: Uint8Array }) => Y.applyUpdate(server, entry.update);
    pending.retry(server, integrate);
    expect(pending.size).toBe(1);
    Y.applyUpdate(server, first);
    pending.retry(server, integrate);
    await settled;
    expect(applied).toBe(true);
    expect(pending.size).toBe(0);
    expect(pending.bytes).toBe(0);
    expect(conn.pendingBytes).toBe(0);
    expect(server.getXmlFragment('default').length).toBe(2);
  });

  it('refuses past the per-connection bound with PENDING_TOO_LARGE', () => {
    const pending = new PendingUpdates(10);
    const { second } = splitUpdates();
    expect(() => pending.park(connection(), second, 'update', { waitsFor: new Map() })).toThrow(CollabError);
  });

  it('closes the connection whose held update integrate refuses, and drops the rest of its updates', () => {
    const server = new Y.Doc();
    const pending = new PendingUpdates(1e6);
    const conn = connection();
    const { first, second } = splitUpdates();
    pending.park(conn, second, 'update', checkClientUpdate(server, Y.decodeUpdate(second)) as Missing);
    Y.applyUpdate(server, first);
    pending.retry(server, () => {
      throw new CollabError(CloseCode.DOCUMENT_TOO_LARGE, 'too large');
    });
    expect(conn.closedWith).toBe(CloseCode.DOCUMENT_TOO_LARGE);
    expect(pending.has(conn)).toBe(false);
  });

  it('drops a closed connection’s updates', () => {
    const pending = new PendingUpdates(1e6);
    const conn = connection();
    const { second } = splitUpdates();
    pending.park(conn, second, 'update', { waitsFor: new Map([[1, 0]]) });
    pending.drop(conn);
    expect(pending.size).toBe(0);
    expect(conn.pendingBytes).toBe(0);
  });
});
