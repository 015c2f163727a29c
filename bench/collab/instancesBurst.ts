/**
 * S8, a burst across instances: S2's trace updates sent as fast as the writer's socket takes them
 * to a document on instance A, 20 readers on instance B; updates per second delivered to every
 * reader. Side by side in one run: Accord on one instance, Accord on two instances with Redis,
 * Hocuspocus 4.7 with @hocuspocus/extension-redis on two instances (same Redis).
 * Target (issue 15): Accord on two instances ≥ 1.5× Hocuspocus-with-Redis.
 *
 *   npx tsc -b shared server && npx tsx bench/collab/instancesBurst.ts [--updates 20000] [--readers 20]
 *
 * Results: bench/collab/instancesBurst-results.txt (appended by hand).
 */
import { cleanupAll } from '../src/processes.js';
import { round, Samples, summarise } from '../src/stats.js';
import { DocTracker, itemKeys } from '../src/tracker.js';
import { pregenerate } from '../src/trace.js';
import { closeAll, connectAll, sleep, waitUntil } from '../src/scenarios/common.js';
import { accord, hocuspocus, startRedis, type Setup } from './instanceSetups.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const UPDATES = option('updates', 20_000);
const READERS = option('readers', 20);
const TIMEOUT_SECONDS = option('timeout', 120);
const WRITER_BACKPRESSURE_BYTES = 1 << 20;

// pre-encoded, and decoded once off the clock, so the writer is not what is measured (as S2)
const updates = pregenerate(UPDATES, 1_000_002);
for (const u of updates) itemKeys(u);

async function run(setup: Setup): Promise<Record<string, unknown>> {
  const latency = new Samples();
  const tracker = new DocTracker(latency);
  const clients = await connectAll(
    (i) =>
      i === 0 ? { endpoint: setup.writer, tracker } : { endpoint: setup.reader, tracker, awareness: true },
    READERS + 1,
  );
  try {
    await sleep(500);
    const writer = clients[0]!;
    const readers = clients.slice(1);
    const start = performance.now();
    const deadline = start + TIMEOUT_SECONDS * 1000;
    let sent = 0;
    while (sent < updates.length && performance.now() < deadline) {
      while (sent < updates.length && writer.bufferedAmount < WRITER_BACKPRESSURE_BYTES)
        writer.sendUpdate(updates[sent++]!);
      await new Promise<void>((r) => setImmediate(r));
    }
    const complete = await waitUntil(
      () => readers.every((r) => r.reader.received >= updates.length),
      Math.max(0, deadline - performance.now()),
      2,
    );
    const elapsed = (performance.now() - start) / 1000;
    const delivered = readers.reduce((n, r) => n + r.reader.received, 0);
    const s = summarise(latency.view());
    return {
      updatesPerSecond: Math.round(delivered / READERS / elapsed),
      seconds: round(elapsed, 3),
      delivered: `${delivered}/${updates.length * READERS}`,
      complete,
      latencyP50: round(s.p50),
      latencyP99: round(s.p99),
    };
  } finally {
    await closeAll(clients);
  }
}

try {
  console.log(`S8 burst across instances: ${JSON.stringify({ readers: READERS, updates: UPDATES })}`);
  const redisPort = await startRedis();
  const results: Record<string, Record<string, unknown>> = {};
  for (const make of [() => accord(null), () => accord(redisPort), () => hocuspocus(redisPort)]) {
    const setup = await make();
    results[setup.name] = await run(setup);
    console.log(`  ${setup.name.padEnd(34)} ${JSON.stringify(results[setup.name])}`);
  }
  const rate = (name: string) => Number(results[name]!.updatesPerSecond);
  const two = rate('accord, 2 instances + Redis');
  console.log(
    `  accord 2 instances / hocuspocus 2 instances: ${round(two / rate('hocuspocus, 2 instances + Redis'))}x (target ≥ 1.5)`,
  );
  console.log(`  accord 2 instances / accord 1 instance: ${round(two / rate('accord, 1 instance'))}x`);
} finally {
  await cleanupAll();
}
