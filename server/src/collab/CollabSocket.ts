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

/** The `ws` transport behind the narrow socket. */
export function wsSocket(ws: WebSocket): CollabSocket {
  return {
    get readyState() {
      return ws.readyState;
    },
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
    send: (message) => ws.send(message),
    close: (code, reason) => ws.close(code, reason),
    onMessage: (listener) =>
      ws.on('message', (data: Buffer, isBinary: boolean) =>
        listener(isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null),
      ),
    onClose: (listener) => ws.on('close', listener),
  };
}
