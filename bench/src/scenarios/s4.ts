import { BenchClient } from '../client.js';
import { Samples, round, summarise } from '../stats.js';
import { DocTracker } from '../tracker.js';
import { Typist, loadTrace } from '../trace.js';
import {
  type Scenario,
  closeAll,
  connectAll,
  schedule,
  sleep,
  unexpectedCloses,
  waitUntil,
} from './common.js';

export const s4: Scenario = {
  id: 'S4',
  title: 'many open documents, 3 clients each (1 writer, 2 readers), trace typing: latency and server memory',
  target: 'Accord p99 <= the best peer; server RSS <= 0.75x the best peer',
  params: (quick) => ({
    documents: quick ? 100 : 300,
    clientsPerDocument: 3,
    updatesPerSecondTotal: quick ? 200 : 600,
    seconds: quick ? 4 : 10,
  }),
  metrics: [
    { key: 'p99', label: 'latency p99', unit: 'ms', better: 'lower' },
    { key: 'rssMiB', label: 'server RSS', unit: 'MiB', better: 'lower' },
  ],
  async run(server, quick, log) {
    const { documents, clientsPerDocument, updatesPerSecondTotal, seconds } = s4.params(quick) as Record<
      string,
      number
    >;
    const trace = loadTrace();
    const rooms = await server.createDocs(documents!, 's4');
    const rssIdle = server.rssKiB();
    const latency = new Samples();
    const trackers = rooms.map(() => new DocTracker(latency));
    const typists = rooms.map(() => new Typist(trace));
    const clients = await connectAll((i) => {
      const d = Math.floor(i / clientsPerDocument!);
      const endpoint = server.endpoint(rooms[d]!);
      return i % clientsPerDocument! === 0
        ? { endpoint, tracker: trackers[d], doc: typists[d]!.doc, awareness: true }
        : { endpoint, tracker: trackers[d], awareness: true };
    }, documents! * clientsPerDocument!);
    const writers: BenchClient[] = clients.filter((_, i) => i % clientsPerDocument! === 0);
    try {
      await sleep(500);
      const rssConnected = server.rssKiB();
      let rssMax = rssConnected;
      const sampler = setInterval(() => (rssMax = Math.max(rssMax, server.rssKiB())), 250);
      // each writer types at updatesPerSecondTotal / documents, phases spread evenly
      const period = (1000 * documents!) / updatesPerSecondTotal!;
      const count = updatesPerSecondTotal! * seconds!;
      const offsets = Array.from({ length: count }, (_, k) => (k * period) / documents!);
      try {
        await schedule(offsets, (k) => {
          const d = k % documents!;
          writers[d]!.sendUpdate(typists[d]!.next()!);
        });
        const expected = count * (clientsPerDocument! - 1);
        const complete = await waitUntil(() => latency.length >= expected, 15_000, 10);
        const rssEnd = server.rssKiB();
        rssMax = Math.max(rssMax, rssEnd);
        const s = summarise(latency.view());
        log(
          `RSS idle ${Math.round(rssIdle / 1024)} MiB, connected ${Math.round(rssConnected / 1024)} MiB, end ${Math.round(rssEnd / 1024)} MiB`,
        );
        // samples arrive in time order: one p99 per second shows whether the tail is a few pauses
        const perSecond = Array.from({ length: seconds! }, (_, i) => {
          const chunk = Math.ceil(latency.length / seconds!);
          return round(summarise(latency.view().subarray(i * chunk, (i + 1) * chunk)).p99, 1);
        });
        log(`p99 of each second (ms): ${perSecond.join(' ')}`);
        return {
          p99: round(s.p99),
          rssMiB: round(rssMax / 1024, 1),
          p50: round(s.p50),
          max: round(s.max),
          rssIdleMiB: round(rssIdle / 1024, 1),
          rssConnectedMiB: round(rssConnected / 1024, 1),
          delivered: `${latency.length}/${expected}`,
          complete,
          unmatched: trackers.reduce((n, t) => n + t.unmatched, 0),
          matchedDecoded: trackers.reduce((n, t) => n + t.matchedDecoded, 0),
          unexpectedCloses: unexpectedCloses(clients),
        };
      } finally {
        clearInterval(sampler);
      }
    } finally {
      await closeAll(clients);
    }
  },
};
