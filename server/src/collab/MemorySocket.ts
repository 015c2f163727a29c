import { SocketState, type CollabSocket } from './CollabSocket.js';

/**
 * Two connected in-memory sockets (the collaboration core's socket interface without `ws`):
 * what one sends, the other receives on a later turn of the event loop, in order; closing one
 * closes both. For tests of the core, and for in-process peers.
 */
export function memorySocketPair(): [MemorySocket, MemorySocket] {
  const a = new MemorySocket();
  const b = new MemorySocket();
  a.peer = b;
  b.peer = a;
  return [a, b];
}

export class MemorySocket implements CollabSocket {
  readyState: number = SocketState.OPEN;
  bufferedAmount = 0;
  peer: MemorySocket | null = null;
  /** the close code and reason this side was closed with (by either side) */
  closed: { code: number; reason: string } | null = null;
  private readonly messageListeners: ((message: Uint8Array | null) => void)[] = [];
  private readonly closeListeners: (() => void)[] = [];

  send(message: Uint8Array | string): void {
    if (this.readyState !== SocketState.OPEN) return;
    const peer = this.peer;
    const copy = typeof message === 'string' ? null : message.slice();
    this.bufferedAmount += copy?.byteLength ?? 0;
    setImmediate(() => {
      this.bufferedAmount -= copy?.byteLength ?? 0;
      if (peer && peer.readyState === SocketState.OPEN) for (const l of peer.messageListeners) l(copy);
    });
  }

  close(code: number, reason: string): void {
    if (this.readyState >= SocketState.CLOSING) return;
    this.readyState = SocketState.CLOSING;
    // what was sent before the close still arrives, then both sides close
    setImmediate(() => {
      this.finish(code, reason);
      this.peer?.finish(code, reason);
    });
  }

  onMessage(listener: (message: Uint8Array | null) => void): void {
    this.messageListeners.push(listener);
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  private finish(code: number, reason: string): void {
    if (this.readyState === SocketState.CLOSED) return;
    this.readyState = SocketState.CLOSED;
    this.closed = { code, reason };
    for (const l of this.closeListeners) l();
  }
}
