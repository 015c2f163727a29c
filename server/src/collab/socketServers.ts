import { WebSocketServer } from 'ws';

/**
 * permessage-deflate for low-data connections only (`lowData=1`). Measured (bench/network/
 * syncEncoding.ts): a 50-article document's first sync is 86 KB, 23 KB deflated; live messages
 * average ~90 bytes, which deflate does not shrink. So: only messages of 1 KB or more are
 * compressed (first syncs, pastes, catch-ups after a break), with an 11-bit window and memory level
 * 4: that first sync is 24.5 KB instead of 23.2 KB with zlib's defaults, for 16 KB of deflate
 * state per socket instead of 256 KB. Every other connection negotiates nothing and costs nothing. The
 * client's window is left to the client (offering a limit some browsers do not would fail the
 * handshake).
 */
export function socketServers(maxPayloadBytes: number): {
  plain: WebSocketServer;
  compressed: WebSocketServer;
  close(): void;
} {
  const plain = new WebSocketServer({ noServer: true, maxPayload: maxPayloadBytes });
  const compressed = new WebSocketServer({
    noServer: true,
    maxPayload: maxPayloadBytes,
    perMessageDeflate: {
      threshold: 1024,
      serverMaxWindowBits: 11,
      serverNoContextTakeover: true,
      clientNoContextTakeover: true,
      zlibDeflateOptions: { memLevel: 4 },
    },
  });
  return {
    plain,
    compressed,
    close() {
      plain.close();
      compressed.close();
    },
  };
}
