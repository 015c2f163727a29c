/**
 * S4 as restated in issue 15: the memory an open document costs. Each server gets `--high`
 * documents; one socket opens each, and each writes the same 200 keystrokes of the editing trace
 * (so every server holds the same text). Resident memory (RSS) is read after a full GC (SIGUSR2,
 * bench/src/gcOnSignal.cjs, preloaded into every server alike): idle, with `--low` documents open,
 * and with `--high` open. The slope (RSS at high − RSS at low) / (high − low) is the memory per
 * open document. Target: Accord's slope ≤ the best peer's (and S4's p99 ≤ 1.5× the best peer's:
 * `npm run bench -- --scenario S4`).
 *
 *   npx tsc -b shared server && npx tsx bench/collab/memorySlope.ts [--low 300] [--high 3000]
 *     [--servers accord,hocuspocus] [--breakdown]
 *
 * `--servers` measures only those (the ratio needs a peer); `--breakdown` also prints each
 * server's process.memoryUsage() after GC at low and high, per document (heap, external, array
 * buffers): what of the RSS slope is JavaScript heap and what is not.
 *
 * Results: bench/collab/memorySlope-results.txt (appended by hand).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { benchDir } from '../src/paths.js';
import { cleanupAll } from '../src/processes.js';
import { PEERS, startServer, type RunningServer, type ServerName } from '../src/servers.js';
import { round } from '../src/stats.js';
import { pregenerate } from '../src/trace.js';
import { closeAll, connectAll, sleep, unexpectedCloses } from '../src/scenarios/common.js';
import type { BenchClient } from '../src/client.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LOW = option('low', 300);
const HIGH = option('high', 3000);
const listed = args.indexOf('--servers');
const SERVERS: ServerName[] =
  listed >= 0 ? (args[listed + 1]!.split(',') as ServerName[]) : [...PEERS, 'accord'];
const BREAKDOWN = args.includes('--breakdown');
const memoryFile = path.join(os.tmpdir(), `memory-slope-${process.pid}`);
if (BREAKDOWN) process.env.BENCH_MEMORY_FILE = memoryFile;

process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(benchDir, 'src', 'gcOnSignal.cjs')}`;
const content = Y.mergeUpdates(pregenerate(200, 4_242_424));

/** RSS in KiB after a full GC, once it stopped moving. */
async function settledRss(server: RunningServer): Promise<number> {
  let last = NaN;
  for (let i = 0; i < 10; i++) {
    process.kill(server.child.pid, 'SIGUSR2');
    await sleep(1000);
    const now = server.rssKiB();
    if (Math.abs(now - last) < 256) return now;
    last = now;
  }
  return last;
}

type Usage = Record<'rss' | 'heapTotal' | 'heapUsed' | 'external' | 'arrayBuffers', number>;
/** process.memoryUsage() of the server after its last GC (--breakdown). */
function usage(server: RunningServer): Usage | null {
  if (!BREAKDOWN) return null;
  return JSON.parse(fs.readFileSync(`${memoryFile}.${server.child.pid}`, 'utf8')) as Usage;
}

function breakdown(low: Usage | null, high: Usage | null): Record<string, number> {
  if (!low || !high) return {};
  const perDoc = (key: keyof Usage) => round((high[key] - low[key]) / 1024 / (HIGH - LOW), 2);
  return {
    heapUsedKiBPerDoc: perDoc('heapUsed'),
    heapTotalKiBPerDoc: perDoc('heapTotal'),
    externalKiBPerDoc: perDoc('external'),
    arrayBuffersKiBPerDoc: perDoc('arrayBuffers'),
    heapUsedLowMiB: round(low.heapUsed / 1024 / 1024, 1),
    externalLowMiB: round(low.external / 1024 / 1024, 1),
  };
}

async function open(server: RunningServer, rooms: string[]): Promise<BenchClient[]> {
  const clients = await connectAll((i) => ({ endpoint: server.endpoint(rooms[i]!) }), rooms.length);
  for (const c of clients) c.sendUpdate(content);
  return clients;
}

async function measure(name: ServerName): Promise<Record<string, number>> {
  const server = await startServer(name);
  const clients: BenchClient[] = [];
  try {
    const rooms = await server.createDocs(HIGH, 'slope');
    const idle = await settledRss(server);
    clients.push(...(await open(server, rooms.slice(0, LOW))));
    const low = await settledRss(server);
    const lowUsage = usage(server);
    clients.push(...(await open(server, rooms.slice(LOW))));
    const high = await settledRss(server);
    const highUsage = usage(server);
    return {
      idleMiB: round(idle / 1024, 1),
      lowMiB: round(low / 1024, 1),
      highMiB: round(high / 1024, 1),
      kibPerDocument: round((high - low) / (HIGH - LOW), 2),
      // every socket must still be open: a server that refused the text would hold less
      closed: unexpectedCloses(clients),
      ...breakdown(lowUsage, highUsage),
    };
  } finally {
    await closeAll(clients);
    await server.stop();
  }
}

try {
  console.log(`S4 memory per open document: ${JSON.stringify({ low: LOW, high: HIGH, keystrokes: 200 })}`);
  const results: Partial<Record<ServerName, Record<string, number>>> = {};
  for (const name of SERVERS) {
    results[name] = await measure(name);
    console.log(`  ${name.padEnd(20)} ${JSON.stringify(results[name])}`);
  }
  const measured = PEERS.filter((p) => results[p]);
  if (results.accord && measured.length > 0) {
    const best = Math.min(...measured.map((p) => results[p]!.kibPerDocument!));
    console.log(
      `  accord slope / best peer's: ${round(results.accord.kibPerDocument! / best)}x (target ≤ 1)`,
    );
  }
} finally {
  await cleanupAll();
}
