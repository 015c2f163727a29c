/**
 * The setups S7 and S8 compare, one document each: Accord on one instance, Accord on two
 * instances with Redis (REDIS_URL), Hocuspocus 4.7 with @hocuspocus/extension-redis on two
 * instances (same Redis). Starts Debian's redis-server, the embedded database and the servers on
 * free loopback ports; `cleanupAll` (bench/src/processes.ts) stops them.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../src/paths.js';
import { onCleanup, startChild, type Child } from '../src/processes.js';
import {
  ACCORD_BENCH_ENV,
  accordMain,
  accordNodeArgs,
  freePort,
  hocuspocusEndpoint,
  type Endpoint,
} from '../src/servers.js';

const random = (n: number) => crypto.randomBytes(n).toString('hex');
const identity = (p: Uint8Array) => p;

export async function startRedis(): Promise<number> {
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
export interface Setup {
  name: string;
  writer: Endpoint;
  reader: Endpoint;
}

export async function accord(redisPort: number | null): Promise<Setup> {
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

export async function hocuspocus(redisPort: number): Promise<Setup> {
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
