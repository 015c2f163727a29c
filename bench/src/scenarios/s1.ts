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

export const s1: Scenario = {
  id: 'S1',
  title: 'one writer typing 50 updates/s (trace) into a document with 20 readers: delivery latency',
  target: 'Accord p50 within 1.2x of the relay and below the best peer; p99 no worse than the best peer',
  params: (quick) => ({ readers: 20, updatesPerSecond: 50, seconds: quick ? 4 : 10 }),
  metrics: [
    { key: 'p50', label: 'latency p50', unit: 'ms', better: 'lower' },
    { key: 'p99', label: 'latency p99', unit: 'ms', better: 'lower' },
  ],
  async run(server, quick) {
    const { readers, updatesPerSecond, seconds } = s1.params(quick) as Record<string, number>;
    const [room] = await server.createDocs(1, 's1');
    const latency = new Samples();
    const tracker = new DocTracker(latency);
    const typist = new Typist(loadTrace());
    const endpoint = server.endpoint(room!);
    const clients = await connectAll(
      (i) => (i === 0 ? { endpoint, tracker, doc: typist.doc } : { endpoint, tracker, awareness: true }),
      readers! + 1,
    );
    try {
      await sleep(300);
      const writer = clients[0]!;
      const count = updatesPerSecond! * seconds!;
      const period = 1000 / updatesPerSecond!;
      await schedule(
        Array.from({ length: count }, (_, i) => i * period),
        () => writer.sendUpdate(typist.next()!),
      );
      const expected = count * readers!;
      const complete = await waitUntil(() => latency.length >= expected, 10_000);
      const s = summarise(latency.view());
      return {
        p50: round(s.p50),
        p99: round(s.p99),
        max: round(s.max),
        delivered: `${latency.length}/${expected}`,
        complete,
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
