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
import { cleanupAll } from '../src/processes.js';
import { accord, hocuspocus, startRedis, type Setup } from './instanceSetups.js';
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
