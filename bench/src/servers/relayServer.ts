/**
 * The latency floor: a do-nothing relay. It forwards every binary message to the other sockets of
 * the same room (the URL path) and answers sync step 1 with an empty sync step 2, so clients think
 * they are synced. It keeps no document state. Child process; prints {"msg":"listening","port":N}.
 */
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const rooms = new Map<string, Set<WebSocket>>();
// [messageSync, messageYjsSyncStep2, varUint8Array(empty update = [0, 0])]
const EMPTY_SYNC_STEP_2 = Uint8Array.from([0, 1, 2, 0, 0]);

const server = http.createServer((_req, res) => {
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server, maxPayload: 256 * 1024 * 1024 });

wss.on('connection', (ws, req) => {
  const room = (req.url ?? '/').split('?')[0]!;
  let peers = rooms.get(room);
  if (!peers) rooms.set(room, (peers = new Set()));
  peers.add(ws);
  ws.on('message', (data, isBinary) => {
    if (!isBinary) return;
    const bytes = data as Buffer;
    // sync step 1 ([0, 0, ...]) is answered, not forwarded
    if (bytes[0] === 0 && bytes[1] === 0) {
      ws.send(EMPTY_SYNC_STEP_2);
      return;
    }
    for (const peer of peers) {
      if (peer !== ws && peer.readyState === peer.OPEN) peer.send(bytes);
    }
  });
  ws.on('close', () => {
    peers.delete(ws);
    if (peers.size === 0) rooms.delete(room);
  });
  ws.on('error', () => ws.terminate());
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ msg: 'listening', port })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
