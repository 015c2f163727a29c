/**
 * Accord for one feature benchmark (bench/comments/*, bench/structure/*): its own embedded
 * database (scripts/lib/devdb.mjs) in a fresh temporary directory, and the built server
 * (node server/dist/main.js; run `npx tsc -b shared server` first) on a free port, like
 * tests/helpers/server.ts. Optionally registers a user and keeps its session cookie.
 *
 * Everything it started is stopped by `stop()`, when the server fails to start, and on Ctrl-C
 * (SIGINT) or SIGTERM. (`npm run bench` uses bench/src/servers.ts's startAccord instead.)
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error plain JavaScript helper shared with the start and test scripts
import { startDevdb } from '../../scripts/lib/devdb.mjs';
// @ts-expect-error plain JavaScript helper shared with the start and test scripts
import { serverNodeArgs } from '../../scripts/lib/serverNodeArgs.mjs';
import { BenchApi } from './BenchApi.js';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface StartAccordForBenchOptions {
  /** names the temporary directory (accord-bench-<name>-…) and the database (bench_<name>, - → _) */
  name: string;
  /** extra environment variables for the server */
  env?: Record<string, string>;
  /** extra node arguments before server/dist/main.js (e.g. --cpu-prof) */
  nodeArgs?: string[];
  /** leave the database directory in place when stopping */
  keepDb?: boolean;
  /** register a user ("Bench", bench-…@example.org) and keep its cookie */
  register?: boolean;
}

export interface BenchAccord {
  url: string;
  wsUrl: string;
  /** `accord.sid=…` of the registered user ('' without `register`) */
  cookie: string;
  /** the server's database, for benchmarks that fill it directly */
  mongodbUri: string;
  /** stops the server (SIGTERM, SIGKILL after 10 s) and the database; removes its directory */
  stop(): Promise<void>;
}

interface Devdb {
  uri: string;
  stop(): Promise<void>;
}

interface Server {
  port: number;
  stop(): Promise<void>;
}

/** The built server on a free port; resolves once it logs `"msg":"listening"`. */
function startServer(mongodbUri: string, env: Record<string, string>, nodeArgs: string[]): Promise<Server> {
  const child = spawn(
    process.execPath,
    [...(serverNodeArgs as string[]), ...nodeArgs, 'server/dist/main.js'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        MONGODB_URI: mongodbUri,
        SESSION_SECRET: createHash('sha256').update(randomBytes(16)).digest('hex'),
        SCRYPT_COST: '16384',
        LOG_LEVEL: 'info',
        ...env,
      },
    },
  );
  let output = '';
  let hasExited = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      hasExited = true;
      resolve({ code, signal });
    }),
  );
  const stop = async () => {
    if (!hasExited) child.kill('SIGTERM');
    // a server that does not finish shutting down in time is killed
    const fallback = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(fallback);
  };
  return new Promise((resolve, reject) => {
    let listening = false;
    let pending = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output}`));
    }, 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      if (!listening) output += chunk.toString();
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      // keep draining the pipe (a full pipe would block the server), but stop keeping it
      if (listening) return;
      const text = chunk.toString();
      output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.includes('"msg":"listening"')) continue;
        clearTimeout(timer);
        listening = true;
        output = '';
        resolve({ port: (JSON.parse(line) as { port: number }).port, stop });
        return;
      }
    });
    void exited.then(({ code, signal }) => {
      if (listening) return;
      clearTimeout(timer);
      reject(new Error(`server exited (${signal ?? `code ${code}`}) before listening:\n${output}`));
    });
  });
}

async function registerBenchUser(url: string): Promise<string> {
  const api = new BenchApi(url);
  await api.ok('POST', '/api/auth/register', {
    email: `bench-${randomBytes(4).toString('hex')}@example.org`,
    password: 'correct horse battery',
    name: 'Bench',
  });
  if (!api.cookie) throw new Error('POST /api/auth/register: no accord.sid cookie');
  return api.cookie;
}

export async function startAccordForBench(options: StartAccordForBenchOptions): Promise<BenchAccord> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `accord-bench-${options.name}-`));
  let db: Devdb | undefined;
  let server: Server | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      try {
        await server?.stop();
      } finally {
        await db?.stop();
        if (!options.keepDb) fs.rmSync(dir, { recursive: true, force: true });
      }
    })());
  function onSignal(signal: NodeJS.Signals) {
    process.stderr.write(`\n[bench] ${signal}: stopping the server and the database\n`);
    void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  }
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    db = (await startDevdb({ dir, quiet: true })) as Devdb;
    const dbName = `bench_${options.name.replace(/-/g, '_')}`;
    const mongodbUri = `${db.uri}${dbName}`;
    server = await startServer(mongodbUri, options.env ?? {}, options.nodeArgs ?? []);
    const url = `http://127.0.0.1:${server.port}`;
    const cookie = options.register ? await registerBenchUser(url) : '';
    return { url, wsUrl: `ws://127.0.0.1:${server.port}`, cookie, mongodbUri, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
