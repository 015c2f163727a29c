import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { MessageType } from '@accord/shared';
import { Connection } from './Connection.js';
import { memorySocketPair } from './MemorySocket.js';
import { KEEPALIVE_AFTER_MS, RoomAwareness } from './RoomAwareness.js';

// What each connection of a room hears of awareness: everything, names only (low-data mode), and
// the keepalive that stops y-websocket clients from reconnecting after 30 s without a message.

afterEach(() => vi.useRealTimers());

type Heard = { clientId: number; state: Record<string, unknown> | null }[][];

function connection(namesOnly: boolean) {
  const [serverSide, clientSide] = memorySocketPair();
  const conn = new Connection(
    serverSide,
    { id: 'u', name: 'U', colour: '#123456' },
    'drafter',
    {
      maxMessagesPerSecond: 100,
      maxAwarenessQueriesPerSecond: 10,
      maxSendBacklogBytes: 1e6,
      maxEarlyBytes: 1e6,
    },
    namesOnly,
  );
  const heard: Heard = [];
  clientSide.onMessage((message) => {
    const decoder = decoding.createDecoder(message as Uint8Array);
    if (decoding.readVarUint(decoder) !== MessageType.AWARENESS) return;
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const entries: Heard[number] = [];
    for (let n = decoding.readVarUint(update); n > 0; n--) {
      const clientId = decoding.readVarUint(update);
      decoding.readVarUint(update);
      entries.push({ clientId, state: JSON.parse(decoding.readVarString(update)) });
    }
    heard.push(entries);
  });
  return { conn, heard };
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('RoomAwareness', () => {
  it('tells low-data connections arrivals, renames and leaves, never caret moves or renewals', async () => {
    const full = connection(false);
    const low = connection(true);
    const sender = connection(false);
    const room = new RoomAwareness(new Y.Doc(), new Set([full.conn, low.conn, sender.conn]), () => {});
    const person = new Awareness(new Y.Doc());
    const id = person.clientID;
    const send = () => applyAwarenessUpdate(room.awareness, encodeAwarenessUpdate(person, [id]), sender.conn);

    person.setLocalState({ user: { name: 'Ana' } });
    send();
    for (let i = 0; i < 5; i++) {
      person.setLocalStateField('cursor', { anchor: i });
      send();
    }
    person.setLocalState(person.getLocalState()); // a renewal
    send();
    person.setLocalStateField('user', { name: 'Ana Q.' });
    send();
    person.setLocalState(null);
    send();
    await turn();

    expect(full.heard).toHaveLength(9);
    expect(low.heard).toEqual([
      [{ clientId: id, state: { user: { name: 'Ana' } } }],
      [{ clientId: id, state: { user: { name: 'Ana Q.' } } }],
      [{ clientId: id, state: null }],
    ]);
    room.destroy();
    person.destroy();
  });

  it('answers a sender that heard nothing for a while with an empty update, and only then', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const lone = connection(true);
    const room = new RoomAwareness(new Y.Doc(), new Set([lone.conn]), () => {});
    const person = new Awareness(new Y.Doc());
    person.setLocalState({ user: { name: 'Ana' } });
    const renew = () =>
      applyAwarenessUpdate(room.awareness, encodeAwarenessUpdate(person, [person.clientID]), lone.conn);

    vi.setSystemTime(1_000_000);
    renew(); // nothing sent to it yet: answered
    vi.setSystemTime(1_000_000 + KEEPALIVE_AFTER_MS - 1);
    person.setLocalState(person.getLocalState());
    renew(); // heard something lately: not answered
    vi.setSystemTime(1_000_000 + KEEPALIVE_AFTER_MS);
    person.setLocalState(person.getLocalState());
    renew(); // answered again
    await vi.waitFor(() => expect(lone.heard).toEqual([[], []]));
    room.destroy();
    person.destroy();
  });
});
