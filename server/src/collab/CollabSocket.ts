import type { WebSocket } from 'ws';

/** readyState values (the WebSocket standard's) */
export const SocketState = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 } as const;

/**
 * What the collaboration core needs of a socket, and nothing more: the `ws` transport is one
 * implementation (wsSocket), a test's in-memory pair another, and a link to other instances can be
 * one too. Messages are binary; a text frame arrives as `null` (the protocol has none).
 */
export interface CollabSocket {
  readonly readyState: number;
  /** bytes sent and not yet taken by the peer */
  readonly bufferedAmount: number;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  onMessage(listener: (message: Uint8Array | null) => void): void;
  onClose(listener: () => void): void;
}

/**
 * The `ws` transport behind the narrow socket: a class, so that its methods are shared by every
 * socket rather than closures made for each (thousands of sockets are open at once).
 */
class WsSocket implements CollabSocket {
  constructor(private readonly ws: WebSocket) {}

  get readyState(): number {
    return this.ws.readyState;
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  send(message: Uint8Array): void {
    this.ws.send(message);
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  onMessage(listener: (message: Uint8Array | null) => void): void {
    this.ws.on('message', (data: Buffer, isBinary: boolean) =>
      listener(isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null),
    );
  }

  onClose(listener: () => void): void {
    this.ws.on('close', listener);
  }
}

export function wsSocket(ws: WebSocket): CollabSocket {
  return new WsSocket(ws);
}
