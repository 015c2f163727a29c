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

export const s5: Scenario = {
  id: 'S5',
  title: 'many clients typing 2 updates/s each into ONE document (everyone writes, everyone reads): latency',
  target: 'Accord p50 and p99 <= the best peer',
  params: (quick) => ({ clients: quick ? 100 : 300, updatesPerSecondEach: 2, seconds: quick ? 4 : 10 }),
  metrics: [
    { key: 'p50', label: 'latency p50', unit: 'ms', better: 'lower' },
    { key: 'p99', label: 'latency p99', unit: 'ms', better: 'lower' },
  ],
  async run(server, quick) {
    const { clients: n, updatesPerSecondEach, seconds } = s5.params(quick) as Record<string, number>;
    const trace = loadTrace();
    const [room] = await server.createDocs(1, 's5');
    const endpoint = server.endpoint(room!);
    const latency = new Samples();
    const tracker = new DocTracker(latency);
    // every client types the trace into its own replica (distinct Yjs client ids; remote updates
    // are counted, not applied, to keep the load generator light)
    const typists = Array.from({ length: n! }, (_, i) => new Typist(trace, 2_000_000 + i));
    const clients = await connectAll(
      (i) => ({ endpoint, tracker, doc: typists[i]!.doc, awareness: true }),
      n!,
      {
        parallel: 20,
        timeoutMs: 120_000,
      },
    );
    try {
      await sleep(1000);
      const rate = n! * updatesPerSecondEach!;
      const count = rate * seconds!;
      await schedule(
        Array.from({ length: count }, (_, k) => (k * 1000) / rate),
        (k) => {
          const i = k % n!;
          clients[i]!.sendUpdate(typists[i]!.next()!);
        },
      );
      const expected = count * (n! - 1);
      const complete = await waitUntil(() => latency.length >= expected, 20_000, 10);
      const s = summarise(latency.view());
      return {
        p50: round(s.p50),
        p99: round(s.p99),
        max: round(s.max),
        delivered: `${latency.length}/${expected}`,
        complete,
        unmatched: tracker.unmatched,
        matchedDecoded: tracker.matchedDecoded,
        unexpectedCloses: unexpectedCloses(clients),
      };
    } finally {
      await closeAll(clients);
    }
  },
};
