/**
 * @hocuspocus/server 4.7.0 with @hocuspocus/extension-redis 4.7.0 (several instances over one
 * Redis at 127.0.0.1:$REDIS_PORT). Child process; prints {"msg":"listening","port":N}.
 */
import { Server } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions: [new Redis({ host: '127.0.0.1', port: Number(process.env.REDIS_PORT) })],
});
await server.listen();
process.stdout.write(`${JSON.stringify({ msg: 'listening', port: server.address.port })}\n`);
