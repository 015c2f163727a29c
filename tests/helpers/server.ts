import { createHash, randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../scripts/lib/startServerProcess.mjs';

/** A server process (scripts/lib/startServerProcess.mjs) on the suite's database. */
export interface TestServer extends ServerProcess {
  dbName: string;
}

export interface StartServerOptions {
  /** reuse a database (e.g. to restart a server on the same data); default: a fresh one */
  dbName?: string;
  /** extra environment variables for the server */
  env?: Record<string, string>;
  /** full MongoDB URI instead of the suite's database (e.g. a dedicated devdb) */
  mongodbUri?: string;
}

const running = new Set<TestServer>();
const secretSalt = randomBytes(16).toString('hex');

/** One secret per database, so a server restarted on the same data keeps its users signed in. */
function sessionSecretFor(mongodbUri: string): string {
  return createHash('sha256').update(secretSalt).update(mongodbUri).digest('hex');
}

// Every server a test file starts is stopped when that file ends, even when a test failed.
afterAll(async () => {
  await Promise.all([...running].map((server) => server.kill()));
});

/**
 * Starts the real, built server (`node server/dist/main.js`) as a child process on a free port,
 * with a real database, and resolves once it logs `"msg":"listening"`.
 */
export async function startServer(options: StartServerOptions = {}): Promise<TestServer> {
  const dbName = options.dbName ?? `t_${randomBytes(6).toString('hex')}`;
  const mongodbUri = options.mongodbUri ?? `${inject('mongodbUri')}${dbName}`;
  const child = await startServerProcess({
    mongodbUri,
    sessionSecret: sessionSecretFor(mongodbUri),
    nodeEnv: 'test',
    env: options.env ?? {},
    keepLogs: true,
  });
  const server: TestServer = {
    ...child,
    dbName,
    stop: async () => {
      await child.stop();
      running.delete(server);
    },
    kill: async () => {
      await child.kill();
      running.delete(server);
    },
  };
  running.add(server);
  return server;
}
