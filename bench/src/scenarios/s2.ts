import { BenchClient } from '../client.js';
import { Samples, round, summarise } from '../stats.js';
import { DocTracker, itemKeys } from '../tracker.js';
import { pregenerate } from '../trace.js';
import { type Scenario, closeAll, connectAll, sleep, unexpectedCloses, waitUntil } from './common.js';

let pregenerated: Uint8Array[] | undefined;

export const s2: Scenario = {
  id: 'S2',
  title: 'trace updates sent as fast as possible to a document with 20 readers: throughput',
  target: 'Accord >= 1.5x the best peer',
  params: (quick) => ({
    readers: 20,
    updates: quick ? 10_000 : 50_000,
    timeoutSeconds: quick ? 40 : 120,
    writerBackpressureBytes: 1 << 20,
  }),
  metrics: [{ key: 'updatesPerSecond', label: 'updates/s to all readers', unit: '/s', better: 'higher' }],
  async run(server, quick) {
    const { readers, updates, timeoutSeconds, writerBackpressureBytes } = s2.params(quick) as Record<
      string,
      number
    >;
    // pre-encoded so the writer is not the bottleneck (the typing itself is not measured here)
    if (!pregenerated || pregenerated.length < updates!) {
      pregenerated = pregenerate(updates!, 1_000_002);
      // decoded once here, off the clock, in case a server re-encodes or merges updates
      for (const u of pregenerated) itemKeys(u);
    }
    const all = pregenerated.slice(0, updates);
    const [room] = await server.createDocs(1, 's2');
    const latency = new Samples();
    const tracker = new DocTracker(latency);
    const endpoint = server.endpoint(room!);
    const clients = await connectAll(
      (i) => (i === 0 ? { endpoint, tracker } : { endpoint, tracker, awareness: true }),
      readers! + 1,
    );
    try {
      await sleep(300);
      const writer: BenchClient = clients[0]!;
      const rs = clients.slice(1);
      const start = performance.now();
      // delivery progress: % of all deliveries done at each whole second (bounded by the timeout)
      const total = all.length * readers!;
      const progress: number[] = [];
      const progressTimer = setInterval(() => {
        const done = rs.reduce((n, r) => n + r.reader.received, 0);
        progress.push(Math.round((done / total) * 100));
      }, 1000);
      let sent = 0;
      const deadline = start + timeoutSeconds! * 1000;
      while (sent < all.length && performance.now() < deadline) {
        while (sent < all.length && writer.bufferedAmount < writerBackpressureBytes!)
          writer.sendUpdate(all[sent++]!);
        await new Promise<void>((r) => setImmediate(r));
      }
      const sendSeconds = (performance.now() - start) / 1000;
      const complete = await waitUntil(
        () => rs.every((r) => r.reader.received >= all.length),
        Math.max(0, deadline - performance.now()),
        2,
      );
      clearInterval(progressTimer);
      const elapsed = (performance.now() - start) / 1000;
      const delivered = rs.reduce((n, r) => n + r.reader.received, 0);
      const s = summarise(latency.view());
      return {
        updatesPerSecond: complete
          ? Math.round(all.length / elapsed)
          : Math.round(delivered / readers! / elapsed),
        seconds: round(elapsed, 3),
        sendSeconds: round(sendSeconds, 3),
        complete,
        delivered: `${delivered}/${all.length * readers!}`,
        progressPercentPerSecond: progress.join(' '),
        latencyP50: round(s.p50),
        latencyP99: round(s.p99),
        matchedExact: tracker.matchedExact,
        matchedDecoded: tracker.matchedDecoded,
        unmatched: tracker.unmatched,
        unexpectedCloses: unexpectedCloses(clients),
      };
    } finally {
      await closeAll(clients);
    }
  },
};
