import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { SCHEMA_VERSION } from '@accord/shared';

/**
 * Holds a client's incoming and/or outgoing messages, to force an interleaving: a client whose
 * incoming messages are held keeps sending its edits without seeing anyone else's (it is stale);
 * one whose outgoing messages are held edits without anyone seeing it yet.
 */
export class Gate {
  holdIncoming = false;
  holdOutgoing = false;
  private inbox: Array<() => void> = [];
  private outbox: Array<() => void> = [];

  receive(deliver: () => void): void {
    if (this.holdIncoming) this.inbox.push(deliver);
    else deliver();
  }

  send(transmit: () => void): void {
    if (this.holdOutgoing) this.outbox.push(transmit);
    else transmit();
  }

  /** Lets everything held through, in order: first what the client sent, then what it missed. */
  release(): void {
    this.holdOutgoing = false;
    for (const transmit of this.outbox.splice(0)) transmit();
    this.holdIncoming = false;
    for (const deliver of this.inbox.splice(0)) deliver();
  }
}

function gatedSocketClass(cookie: string, gate: Gate): typeof WebSocket {
  return class GatedSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
      // y-websocket assigns onmessage: wrap whatever it assigns
      const own = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!;
      Object.defineProperty(this, 'onmessage', {
        get: () => own.get!.call(this),
        set: (handler: ((event: WebSocket.MessageEvent) => void) | null) => {
          own.set!.call(
            this,
            handler && ((event: WebSocket.MessageEvent) => gate.receive(() => handler(event))),
          );
        },
      });
    }
    override send(data: unknown): void {
      gate.send(() => {
        if (this.readyState === WebSocket.OPEN) super.send(data as Buffer);
      });
    }
  } as unknown as typeof WebSocket;
}

/** The stock y-websocket client over a gated socket. */
export function openGatedProvider(
  wsUrl: string,
  cookie: string,
  documentId: string,
  gate: Gate,
  doc = new Y.Doc(),
): WebsocketProvider {
  return new WebsocketProvider(`${wsUrl}/collab`, documentId, doc, {
    WebSocketPolyfill: gatedSocketClass(cookie, gate) as never,
    params: { schema: String(SCHEMA_VERSION) },
    disableBc: true,
    maxBackoffTime: 500,
  });
}
