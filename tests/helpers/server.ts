import { spawn, type ChildProcess } from 'node:child_process';
// @ts-expect-error plain JavaScript helper shared with the start and bench scripts
import { serverNodeArgs } from '../../scripts/lib/serverNodeArgs.mjs';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, inject } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface TestServer {
  port: number;
  url: string;
  wsUrl: string;
  dbName: string;
  /** everything the server wrote to stdout and stderr so far */
  logs(): string;
  /** SIGTERM (graceful: flushes every document), then waits for the process to exit */
  stop(): Promise<void>;
  /** SIGKILL (a crash), then waits for the process to exit */
  kill(): Promise<void>;
  /** exit code and signal, once the process has exited */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
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
  const child = spawn(process.execPath, [...(serverNodeArgs as string[]), 'server/dist/main.js'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      MONGODB_URI: mongodbUri,
      SESSION_SECRET: sessionSecretFor(mongodbUri),
      // 2^14 instead of OWASP's 2^17: same code path, ~8× faster hashing keeps the suites quick
      SCRYPT_COST: '16384',
      LOG_LEVEL: 'info',
      ...options.env,
    },
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  const port = await new Promise<number>((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start listening within 30 s; its logs:\n${output}`));
    }, 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.includes('"msg":"listening"')) continue;
        try {
          const entry = JSON.parse(line) as { port: number };
          clearTimeout(timer);
          resolve(entry.port);
        } catch {
          // not a JSON line: keep reading
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new Error(`the server exited (${signal ?? `code ${code}`}) before listening; its logs:\n${output}`),
      );
    });
  });

  const signalAndWait = async (child: ChildProcess, signal: NodeJS.Signals) => {
    if (!hasExited) child.kill(signal);
    const fallback = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(fallback);
  };
  const server: TestServer = {
    port,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    dbName,
    logs: () => output,
    stop: async () => {
      await signalAndWait(child, 'SIGTERM');
      running.delete(server);
    },
    kill: async () => {
      await signalAndWait(child, 'SIGKILL');
      running.delete(server);
    },
    exited,
  };
  running.add(server);
  return server;
}
