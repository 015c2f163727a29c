import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { sendOwnAwarenessOnly } from './sendOwnAwarenessOnly';

/** A stand-in socket class: records what the stock provider sends, never connects. */
function recordingProvider() {
  const sent: number[][] = [];
  const provider = new WebsocketProvider('ws://127.0.0.1:9', 'room', new Y.Doc(), {
    connect: false,
    disableBc: true,
    // never constructed (connect: false); Node 20 has no global WebSocket for the default
    WebSocketPolyfill: class {} as never,
  });
  // what y-websocket's broadcastMessage does while connected: ws.send
  provider.wsconnected = true;
  provider.ws = {
    send: (message: Uint8Array) => {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== 1) return;
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const ids: number[] = [];
      for (let n = decoding.readVarUint(update); n > 0; n--) {
        ids.push(decoding.readVarUint(update));
        decoding.readVarUint(update);
        decoding.readVarString(update);
      }
      sent.push(ids);
    },
    close: () => {},
  } as unknown as WebSocket;
  return { provider, sent };
}

function hearOthers(provider: WebsocketProvider) {
  const other = new Awareness(new Y.Doc());
  other.setLocalState({ user: { name: 'Bea' }, cursor: { anchor: 1 } });
  applyAwarenessUpdate(provider.awareness, encodeAwarenessUpdate(other, [other.clientID]), provider);
  other.destroy();
}

describe('sendOwnAwarenessOnly', () => {
  it("the stock provider sends others' states back (what this is for)", () => {
    const { provider, sent } = recordingProvider();
    hearOthers(provider);
    expect(sent).toHaveLength(1);
    provider.wsconnected = false;
    provider.destroy();
  });

  it("sends this tab's own state, not others'", () => {
    const { provider, sent } = recordingProvider();
    const stop = sendOwnAwarenessOnly(provider);
    hearOthers(provider);
    expect(sent).toEqual([]);
    provider.awareness.setLocalStateField('cursor', { anchor: 3 });
    expect(sent).toEqual([[provider.awareness.clientID]]);
    stop();
    provider.wsconnected = false;
    provider.destroy();
  });
});
