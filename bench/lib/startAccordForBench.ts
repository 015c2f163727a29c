/**
 * Accord for one feature benchmark (bench/comments/*, bench/structure/*): its own embedded
 * database (scripts/lib/devdb.mjs) in a fresh temporary directory, and the built server
 * (node server/dist/main.js; run `npx tsc -b shared server` first) on a free port, started by the
 * launcher the tests use too (scripts/lib/startServerProcess.mjs; the server's logs are drained,
 * not kept). Optionally registers a user and keeps its session cookie.
 *
 * Everything it started is stopped by `stop()`, when the server fails to start, and on Ctrl-C
 * (SIGINT) or SIGTERM. (`npm run bench` uses bench/src/servers.ts's startAccord instead.)
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error plain JavaScript helper shared with the start and test scripts
import { startDevdb } from '../../scripts/lib/devdb.mjs';
import { startServerProcess, type ServerProcess } from '../../scripts/lib/startServerProcess.mjs';
import { BenchApi } from './BenchApi.js';

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
  let server: ServerProcess | undefined;
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
    server = await startServerProcess({
      mongodbUri,
      sessionSecret: createHash('sha256').update(randomBytes(16)).digest('hex'),
      nodeEnv: 'production',
      env: options.env ?? {},
      nodeArgs: options.nodeArgs ?? [],
      stopTimeoutMs: 10_000,
    });
    const cookie = options.register ? await registerBenchUser(server.url) : '';
    return { url: server.url, wsUrl: server.wsUrl, cookie, mongodbUri, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
