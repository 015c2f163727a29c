/**
 * @y/websocket-server 0.1.1 as documented: an http server, a `ws` server in noServer mode, and
 * the package's `setupWSConnection(conn, req, { docName })` for every connection; the room is the
 * URL path. No persistence (YPERSISTENCE unset), in memory. Child process; prints
 * {"msg":"listening","port":N}.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' }).end('okay');
});
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (conn, req) => {
  setupWSConnection(conn, req, { docName: (req.url ?? '/').slice(1).split('?')[0] ?? '' });
});
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ msg: 'listening', port })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
