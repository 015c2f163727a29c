import * as Y from 'yjs';
import { BenchClient } from '../client.js';
import type { AccordServer, Endpoint } from '../servers.js';
import { Samples, round, summarise } from '../stats.js';
import { DocTracker, type Op } from '../tracker.js';
import { Typist, WHOLE_TRACE_CLIENT, loadTrace, typedText, wholeTraceUpdate } from '../trace.js';
import { type Scenario, closeAll, schedule, sleep, waitUntil, within } from './common.js';

/**
 * Definitions (Accord's ACCORD_SAVED protocol: after each update the writer asks ACCORD_SAVED(seq);
 * the server answers ACCORD_SAVED(seq) once everything the connection sent before is stored):
 * - storedLatency: per update, from the writer sending it to the server saying it is stored;
 * - lag (sampled every 5 ms while typing): now − send time of the OLDEST update the server has
 *   received but not yet said is stored (0 when nothing is outstanding) = how many milliseconds of
 *   typing a crash at that instant could lose from the database;
 * - at the kill -9: updates a reader had received (the server acknowledged them by broadcasting)
 *   that the restarted server does not have, and how many ms of typing they span.
 */
async function probe(endpoint: Endpoint): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const c = new BenchClient({ endpoint, doc, applyRemote: true });
  try {
    await within(c.synced, 30_000, 'probe sync');
  } finally {
    await c.close();
  }
  return doc;
}

const contains = (doc: Y.Doc, update: Uint8Array) => Y.snapshotContainsUpdate(Y.snapshot(doc), update);

/** The top-level elements of the editor content and their sizes, e.g. "title:19,paragraph:221". */
const outline = (d: Y.Doc) =>
  d
    .getXmlFragment('default')
    .toArray()
    .map((c) => `${c instanceof Y.XmlElement ? c.nodeName : 'text'}:${c.toString().length}`)
    .join(',');

export const s6: Scenario = {
  id: 'S6',
  title: 'kill -9 during typing: acknowledged edits not yet in the database; recovery; whole-trace reload',
  target:
    'lag <= 100 ms; after the clients reconnect nothing is missing; the reloaded trace equals endContent',
  only: ['accord'],
  params: (quick) => ({
    updatesPerSecond: 50,
    secondsBeforeKill: quick ? 3 : 8,
    secondsTypingOfflineAfterKill: 1,
    samplingMs: 5,
    traceReload: 'whole trace as ONE merged update, stored, then kill -9, restart, fresh client loads',
  }),
  metrics: [
    { key: 'lagP50', label: 'unstored lag p50', unit: 'ms', better: 'lower' },
    { key: 'lagP99', label: 'unstored lag p99', unit: 'ms', better: 'lower' },
    { key: 'lagMax', label: 'unstored lag max', unit: 'ms', better: 'lower' },
  ],
  async run(srv, quick, log) {
    const server = srv as AccordServer;
    const { updatesPerSecond, secondsBeforeKill, secondsTypingOfflineAfterKill, samplingMs } = s6.params(
      quick,
    ) as Record<string, number>;
    const [room, traceRoom] = await server.createDocs(2, 's6');
    const latency = new Samples();
    const tracker = new DocTracker(latency);
    const typist = new Typist(loadTrace());
    const sent: Op[] = [];
    const offline: Uint8Array[] = [];
    let storedThrough = 0; // ops[0 .. storedThrough) are stored
    const storedLatency = new Samples();
    const onSaved = (n: number, now: number) => {
      for (; storedThrough < n && storedThrough < sent.length; storedThrough++)
        storedLatency.push(now - sent[storedThrough]!.t);
    };
    // the writer is an editor: it applies what the server sends (Accord's title and first paragraph)
    let writer = new BenchClient({
      endpoint: server.endpoint(room!),
      tracker,
      doc: typist.doc,
      applyRemote: true,
      hello: true,
      onSaved,
    });
    const readerDoc = new Y.Doc();
    const reader = new BenchClient({
      endpoint: server.endpoint(room!),
      tracker,
      doc: readerDoc,
      applyRemote: true,
    });
    const clients = [writer, reader];
    try {
      await within(Promise.all([writer.synced, reader.synced]), 30_000, 'sync');
      await sleep(200);
      const lag = new Samples();
      let killed = false;
      const sampler = setInterval(() => {
        if (killed) return;
        const oldest = sent[storedThrough];
        lag.push(oldest ? performance.now() - oldest.t : 0);
      }, samplingMs);
      const typedBeforeKill = updatesPerSecond! * secondsBeforeKill!;
      const total = typedBeforeKill + updatesPerSecond! * secondsTypingOfflineAfterKill!;
      // kill at a random moment in the last second of typing before the kill
      const killAt = (secondsBeforeKill! - Math.random()) * 1000;
      let killTime = 0;
      let atKill: { storedThrough: number; sent: number; readerOps: Op[] } | undefined;
      const killing = (async () => {
        await sleep(killAt);
        killed = true;
        killTime = performance.now();
        atKill = {
          storedThrough,
          sent: sent.length,
          readerOps: sent.filter((op) => op.delivered > 0),
        };
        await server.kill9();
      })();
      await schedule(
        Array.from({ length: total }, (_, i) => (i * 1000) / updatesPerSecond!),
        () => {
          const update = typist.next()!;
          if (killed) {
            offline.push(update); // typed offline: kept in the writer's document, sent on reconnect
            return;
          }
          const before = tracker.sent;
          writer.sendUpdate(update);
          if (tracker.sent === before) return; // socket not open
          sent.push(tracker.lastOp!);
          writer.requestSaved(sent.length);
        },
      );
      clearInterval(sampler);
      await killing;
      const k = atKill!;
      log(
        `killed -9 after ${k.sent} updates sent, ${k.storedThrough} said stored, ${k.readerOps.length} seen by the reader`,
      );

      await server.restart();
      const afterCrash = await probe(server.endpoint(room!));
      const storedMissing = sent
        .slice(0, k.storedThrough)
        .filter((op) => !contains(afterCrash, op.update)).length;
      const ackedLost = k.readerOps.filter((op) => !contains(afterCrash, op.update));
      const ackedLostMs = ackedLost.length ? killTime - Math.min(...ackedLost.map((op) => op.t)) : 0;
      const sentLost = sent.filter((op) => !contains(afterCrash, op.update)).length;

      // the writer reconnects with its document (including what it typed offline) and resyncs
      let resynced = 0;
      writer = new BenchClient({
        endpoint: server.endpoint(room!),
        doc: typist.doc,
        applyRemote: true,
        hello: true,
        onSaved: (n) => (resynced = n),
      });
      clients.push(writer);
      await within(writer.synced, 30_000, 'writer resync');
      await sleep(100);
      writer.requestSaved(1);
      if (!(await waitUntil(() => resynced >= 1, 30_000, 10)))
        throw new Error('resync not stored within 30 s');
      await writer.close();
      await server.restart();
      const afterRestart = await probe(server.endpoint(room!));
      // nothing missing: every update the writer made (sent, or typed offline) is in the reloaded
      // document, and its paragraph reads the same (content the server added is not "missing")
      const missingAfterReconnect =
        sent.filter((op) => !contains(afterRestart, op.update)).length +
        offline.filter((u) => !contains(afterRestart, u)).length;
      const writerId = typist.doc.clientID;
      const nothingMissing =
        missingAfterReconnect === 0 && typedText(afterRestart, writerId) === typedText(typist.doc, writerId);
      if (!nothingMissing) {
        log(
          `after reconnect + restart the document differs from the writer's; ${missingAfterReconnect} of ${sent.length + offline.length} updates missing`,
        );
        log(`reloaded: ${outline(afterRestart)}; the writer's: ${outline(typist.doc)}`);
      }

      // whole trace: stored, kill -9, restart, reload from the database
      const whole = wholeTraceUpdate();
      let traceStored = 0;
      const loader = new BenchClient({
        endpoint: server.endpoint(traceRoom!),
        hello: true,
        onSaved: (n) => (traceStored = n),
      });
      clients.push(loader);
      await within(loader.synced, 30_000, 'loader sync');
      const t0 = performance.now();
      loader.sendUpdate(whole.update);
      loader.requestSaved(1);
      if (!(await waitUntil(() => traceStored >= 1, 60_000, 10)))
        throw new Error('trace not stored within 60 s');
      const traceStoreMs = performance.now() - t0;
      await server.kill9();
      await server.restart();
      const reloaded = await probe(server.endpoint(traceRoom!));
      const traceReloadOk = typedText(reloaded, WHOLE_TRACE_CLIENT) === loadTrace().endContent;
      log(
        `outlines: after the crash ${outline(afterCrash)}; after reconnect + restart ${outline(afterRestart)}; writer ${outline(typist.doc)}; trace reloaded ${outline(reloaded)}`,
      );

      const l = summarise(lag.view());
      const st = summarise(storedLatency.view());
      return {
        lagP50: round(l.p50),
        lagP99: round(l.p99),
        lagMax: round(l.max),
        storedLatencyP50: round(st.p50),
        storedLatencyP99: round(st.p99),
        storedLatencyMax: round(st.max),
        sentBeforeKill: k.sent,
        saidStoredBeforeKill: k.storedThrough,
        saidStoredButMissingAfterCrash: storedMissing,
        seenByReaderButLostByCrash: ackedLost.length,
        seenByReaderButLostMs: round(ackedLostMs),
        sentButNotInDatabaseAfterCrash: sentLost,
        typedOfflineAfterKill: offline.length,
        nothingMissingAfterReconnect: nothingMissing,
        updatesMissingAfterReconnect: missingAfterReconnect,
        traceStoreMs: round(traceStoreMs),
        traceReloadEqualsEndContent: traceReloadOk,
      };
    } finally {
      await closeAll(clients);
    }
  },
};
