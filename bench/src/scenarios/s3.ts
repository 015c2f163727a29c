import * as Y from 'yjs';
import { BenchClient } from '../client.js';
import { round, summarise } from '../stats.js';
import { WHOLE_TRACE_CLIENT, loadTrace, typedText, wholeTraceUpdate } from '../trace.js';
import { type Scenario, closeAll, waitUntil, within } from './common.js';

export const s3: Scenario = {
  id: 'S3',
  title: 'clients joining a document holding the whole trace (259,778 edits): time from connect to synced',
  target: 'Accord p50 <= 0.5x the best peer',
  params: (quick) => ({
    joiners: quick ? 20 : 50,
    concurrentJoins: 10,
    preload: 'the whole trace typed by one client, sent as ONE merged update (Y.encodeStateAsUpdate)',
  }),
  metrics: [
    { key: 'p50', label: 'connect to synced p50', unit: 'ms', better: 'lower' },
    { key: 'p99', label: 'connect to synced p99', unit: 'ms', better: 'lower' },
  ],
  async run(server, quick, log) {
    const { joiners, concurrentJoins } = s3.params(quick) as Record<string, number>;
    const whole = wholeTraceUpdate();
    const [room] = await server.createDocs(1, 's3');
    const endpoint = server.endpoint(room!);
    // The preloading client stays connected (an open document; hocuspocus would otherwise unload
    // its in-memory document when the last client leaves).
    const preloadDoc = new Y.Doc();
    let stored = 0;
    const preloader = new BenchClient({
      endpoint,
      doc: preloadDoc,
      hello: server.name === 'accord',
      onSaved: (n) => (stored = Math.max(stored, n)),
    });
    const clients: BenchClient[] = [preloader];
    try {
      await within(preloader.synced, 30_000, 'preloader sync');
      Y.applyUpdate(preloadDoc, whole.update);
      const t0 = performance.now();
      preloader.sendUpdate(whole.update);
      if (server.name === 'accord') {
        preloader.requestSaved(1);
        if (!(await waitUntil(() => stored >= 1, 60_000, 10)))
          throw new Error('preload not stored within 60 s (ACCORD_SAVED)');
        log(`preload stored after ${Math.round(performance.now() - t0)} ms`);
      }
      // one checker joins and verifies it got the whole trace (the relay keeps no state)
      const checkDoc = new Y.Doc();
      const checker = new BenchClient({ endpoint, doc: checkDoc, applyRemote: true });
      clients.push(checker);
      await within(checker.synced, 60_000, 'checker sync');
      const contentOk =
        server.name === 'relay'
          ? 'n/a (relay keeps no state)'
          : typedText(checkDoc, WHOLE_TRACE_CLIENT) === loadTrace().endContent;
      await checker.close();
      const times: number[] = [];
      const bytes: number[] = [];
      for (let done = 0; done < joiners!;) {
        const wave = Array.from(
          { length: Math.min(concurrentJoins!, joiners! - done) },
          () => new BenchClient({ endpoint }),
        );
        clients.push(...wave);
        await Promise.all(wave.map((c) => within(c.synced, 60_000, 'joiner sync')));
        for (const c of wave) {
          times.push(c.syncedAt - c.startedAt);
          bytes.push(c.syncBytes);
        }
        done += wave.length;
        await closeAll(wave);
      }
      const s = summarise(times);
      return {
        p50: round(s.p50),
        p99: round(s.p99),
        max: round(s.max),
        joined: times.length,
        syncStep2Bytes: Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length),
        preloadBytes: whole.update.byteLength,
        contentOk,
      };
    } finally {
      await closeAll(clients);
    }
  },
};
