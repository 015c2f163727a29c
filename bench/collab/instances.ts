/**
 * S7, across instances: one writer types the editing trace (50 updates/s) into a document on
 * instance A, 20 readers read it on instance B; delivery latency p50/p99. Side by side in one run:
 * Accord on one instance (writer and readers on it), Accord on two instances with Redis
 * (REDIS_URL), and Hocuspocus 4.7 with @hocuspocus/extension-redis on two instances (same Redis).
 * Targets (issue 15): p50 and p99 ≤ Hocuspocus-with-Redis; p50 ≤ 1.5× Accord on one instance.
 *
 *   npx tsc -b shared server && npx tsx bench/collab/instances.ts [--seconds 10] [--readers 20]
 *
 * Starts Debian's redis-server, the embedded database and the servers on free loopback ports, and
 * stops them. Results: bench/collab/instances-results.txt (appended by hand).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../src/paths.js';
import { cleanupAll, onCleanup, startChild, type Child } from '../src/processes.js';
import {
  ACCORD_BENCH_ENV,
  accordMain,
  accordNodeArgs,
  freePort,
  hocuspocusEndpoint,
  type Endpoint,
} from '../src/servers.js';
import { Samples, round, summarise } from '../src/stats.js';
import { DocTracker } from '../src/tracker.js';
import { Typist, loadTrace } from '../src/trace.js';
import { closeAll, connectAll, schedule, sleep, waitUntil } from '../src/scenarios/common.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SECONDS = option('seconds', 10);
const READERS = option('readers', 20);
const UPDATES_PER_SECOND = 50;
const random = (n: number) => crypto.randomBytes(n).toString('hex');
const identity = (p: Uint8Array) => p;

async function startRedis(): Promise<number> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  onCleanup(async () => void child.kill('SIGKILL'));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', () => reject(new Error(`redis-server exited:\n${out}`)));
  });
  return port;
}

/** A pair of endpoints for one document: where the writer types, where the readers read. */
interface Setup {
  name: string;
  writer: Endpoint;
  reader: Endpoint;
}

async function accord(redisPort: number | null): Promise<Setup> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-instances-'));
  const devdb = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'lib', 'devdb.mjs')).href)) as {
    startDevdb(o: { dir: string; quiet: boolean }): Promise<{ uri: string; stop(): Promise<void> }>;
  };
  const db = await devdb.startDevdb({ dir, quiet: true });
  onCleanup(async () => {
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const env: Record<string, string> = {
    ...ACCORD_BENCH_ENV,
    HOST: '127.0.0.1',
    MONGODB_URI: `${db.uri}bench_${random(6)}`,
    SESSION_SECRET: random(24),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    ...(redisPort ? { REDIS_URL: `redis://127.0.0.1:${redisPort}` } : {}),
  };
  const nodeArgs = await accordNodeArgs();
  const launch = async (label: string): Promise<Child> => {
    const port = await freePort();
    const child = await startChild({
      label,
      args: [...nodeArgs, accordMain],
      env: { ...env, PORT: String(port) },
      port,
      readyPath: '/api/health',
      timeoutMs: 60_000,
    });
    onCleanup(() => child.stop());
    return child;
  };
  const a = await launch('accord-a');
  const b = redisPort ? await launch('accord-b') : a;
  const base = `http://127.0.0.1:${a.port}`;
  const res = await fetch(`${base}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${random(4)}@example.org`,
      password: `bench-${random(8)}`,
      name: 'Bench',
    }),
  });
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('accord.sid='))!
    .split(';')[0]!;
  const created = await fetch(`${base}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ title: 'S7' }),
  });
  const id = ((await created.json()) as { document: { id: string } }).document.id;
  const endpoint = (child: Child): Endpoint => ({
    url: `ws://127.0.0.1:${child.port}/collab/${id}`,
    headers: { Cookie: cookie },
    openMessages: [],
    wrap: identity,
    unwrap: identity,
  });
  return {
    name: redisPort ? 'accord, 2 instances + Redis' : 'accord, 1 instance',
    writer: endpoint(a),
    reader: endpoint(b),
  };
}

async function hocuspocus(redisPort: number): Promise<Setup> {
  const launch = async (label: string) => {
    const child = await startChild({
      label,
      args: [path.join(repoRoot, 'bench', 'src', 'servers', 'hocuspocusRedisServer.ts')],
      tsx: true,
      env: { REDIS_PORT: String(redisPort) },
    });
    onCleanup(() => child.stop());
    return child;
  };
  const [a, b] = [await launch('hocuspocus-a'), await launch('hocuspocus-b')];
  const room = `s7-${random(3)}`;
  return {
    name: 'hocuspocus, 2 instances + Redis',
    writer: hocuspocusEndpoint(a.port, room),
    reader: hocuspocusEndpoint(b.port, room),
  };
}

async function run(setup: Setup): Promise<Record<string, unknown>> {
  const latency = new Samples();
  const tracker = new DocTracker(latency);
  const typist = new Typist(loadTrace());
  const clients = await connectAll(
    (i) =>
      i === 0
        ? { endpoint: setup.writer, tracker, doc: typist.doc }
        : { endpoint: setup.reader, tracker, awareness: true },
    READERS + 1,
  );
  try {
    await sleep(500);
    const count = UPDATES_PER_SECOND * SECONDS;
    await schedule(
      Array.from({ length: count }, (_, i) => (i * 1000) / UPDATES_PER_SECOND),
      () => clients[0]!.sendUpdate(typist.next()!),
    );
    const expected = count * READERS;
    const complete = await waitUntil(() => latency.length >= expected, 15_000);
    const s = summarise(latency.view());
    return {
      p50: round(s.p50),
      p99: round(s.p99),
      max: round(s.max),
      delivered: `${latency.length}/${expected}`,
      complete,
    };
  } finally {
    await closeAll(clients);
  }
}

try {
  console.log(
    `S7 across instances: ${JSON.stringify({ readers: READERS, updatesPerSecond: UPDATES_PER_SECOND, seconds: SECONDS })}`,
  );
  const redisPort = await startRedis();
  const results: Record<string, Record<string, unknown>> = {};
  for (const make of [() => accord(null), () => accord(redisPort), () => hocuspocus(redisPort)]) {
    const setup = await make();
    results[setup.name] = await run(setup);
    console.log(`  ${setup.name.padEnd(34)} ${JSON.stringify(results[setup.name])}`);
  }
  const one = results['accord, 1 instance']!;
  const two = results['accord, 2 instances + Redis']!;
  const hp = results['hocuspocus, 2 instances + Redis']!;
  const ratio = (x: unknown, y: unknown) => round(Number(x) / Number(y));
  console.log(
    `  accord 2 instances / hocuspocus 2 instances: p50 ${ratio(two.p50, hp.p50)}x, p99 ${ratio(two.p99, hp.p99)}x (target ≤ 1)`,
  );
  console.log(`  accord 2 instances / accord 1 instance: p50 ${ratio(two.p50, one.p50)}x (target ≤ 1.5)`);
} finally {
  await cleanupAll();
}
