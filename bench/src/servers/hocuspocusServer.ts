/**
 * @hocuspocus/server 4.7.0 with no extensions (in memory): `new Server({...})` then `listen()`.
 * Child process; prints {"msg":"listening","port":N}.
 */
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
});
await server.listen();
process.stdout.write(`${JSON.stringify({ msg: 'listening', port: server.address.port })}\n`);
