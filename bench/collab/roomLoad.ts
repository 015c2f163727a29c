/**
 * Benchmark: time to open a document (collaboration-core issue, "Room load must not grow with the
 * size of the database"), with few and with many other documents in the database.
 *
 *   npx tsc -b shared server && npx tsx bench/collab/roomLoad.ts [--others 10000] [--opens 40]
 *
 * Starts its own embedded database (FerretDB, scripts/lib/devdb.mjs) and the built server. Creates
 * `measured` documents through the REST API, each with a history typed by a stock y-websocket
 * client (`historyEdits` edits, each stored as its own record), then opens each of them cold (its
 * room unloaded) with a stock WebsocketProvider and times the open: from creating the provider to
 * its `sync` event (upgrade, session and access check, loading the stored state, sync step 2).
 *   A. with `few` other documents in the database;
 *   B. after adding other documents up to `others`, each with its own member, its first state and
 *      `historyEdits` stored updates, written through the server's own models and DocumentStore
 *      (the same records the server writes), so the database holds what a busy deployment holds.
 * Target: B's p50 within 1.5× of A's.
 */
import { performance } from 'node:perf_hooks';
import mongoose, { Types } from 'mongoose';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { SCHEMA_VERSION } from '@accord/shared';
import { startAccordForBench } from '../lib/startAccordForBench.js';
import { BenchApi } from '../lib/BenchApi.js';
import { openProvider } from '../lib/benchProvider.js';
import { summarise } from '../src/stats.js';
import { DocumentModel } from '../../server/dist/models/Document.js';
import { Membership } from '../../server/dist/models/Membership.js';
import { DocumentStore } from '../../server/dist/collab/DocumentStore.js';
import { storeInitialState } from '../../server/dist/structure/storeInitialState.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PARAMS = {
  few: 10,
  others: arg('others', 10_000),
  measured: 8,
  /** cold opens per phase (each measured document opened opens/measured times) */
  opens: arg('opens', 40),
  historyEdits: 20,
  idleUnloadMs: 100,
  /** pause after closing a document so its room unloads before the next cold open */
  coldPauseMs: 400,
};
const TARGET_RATIO = 1.5;

function synced(provider: WebsocketProvider): Promise<void> {
  return new Promise((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A document typed into by a stock client: its first state, then historyEdits stored records. */
async function typedDocument(api: BenchApi, wsUrl: string, title: string): Promise<string> {
  const { document } = await api.ok('POST', '/api/documents', { title, kind: 'agreement' });
  const provider = openProvider(wsUrl, api.cookie, document.id);
  await synced(provider);
  const fragment = provider.doc.getXmlFragment('default');
  for (let i = 0; i < PARAMS.historyEdits; i++) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`Edit ${i} of ${title}`)]);
    fragment.insert(fragment.length, [paragraph]);
    // past COLLAB_FLUSH_MS, so each edit is stored as its own record
    await sleep(30);
  }
  await sleep(100);
  provider.destroy();
  return document.id;
}

async function measureOpens(wsUrl: string, cookie: string, documentIds: string[]): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < PARAMS.opens; i++) {
    await sleep(PARAMS.coldPauseMs);
    const started = performance.now();
    const provider = openProvider(wsUrl, cookie, documentIds[i % documentIds.length]!);
    await synced(provider);
    samples.push(performance.now() - started);
    provider.destroy();
  }
  return samples;
}

/** Other documents, as the server stores them: a document, its member, first state and history. */
async function addOtherDocuments(count: number, firstState: Uint8Array, edits: Uint8Array[]): Promise<void> {
  const owner = new Types.ObjectId();
  const batch = 250;
  const store = new DocumentStore();
  for (let start = 0; start < count; start += batch) {
    const ids = Array.from({ length: Math.min(batch, count - start) }, () => new Types.ObjectId());
    const now = new Date();
    await DocumentModel.insertMany(
      ids.map((_id, i) => ({
        _id,
        title: `Other document ${start + i}`,
        kind: 'agreement',
        language: 'en',
        schemaVersion: SCHEMA_VERSION,
        createdBy: owner,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await Membership.insertMany(
      ids.map((documentId) => ({ documentId, userId: owner, role: 'coordinator' })),
    );
    await Promise.all(ids.map((id) => storeInitialState(id, firstState, owner.toHexString())));
    await Promise.all(ids.map((id) => store.load(id.toHexString())));
    await store.append(
      ids.flatMap((id) =>
        edits.map((update) => ({ documentId: id.toHexString(), userId: null, update, createdAt: now })),
      ),
    );
    for (const id of ids) store.forget(id.toHexString());
    process.stdout.write(`\r[bench] other documents: ${start + ids.length}/${count}`);
  }
  process.stdout.write('\n');
}

/** A first state and a history of edits to give every other document. */
function otherHistory(): { firstState: Uint8Array; edits: Uint8Array[] } {
  const doc = new Y.Doc();
  const title = new Y.XmlElement('title');
  title.insert(0, [new Y.XmlText('Other document')]);
  doc.getXmlFragment('default').insert(0, [title]);
  const firstState = Y.encodeStateAsUpdate(doc);
  const edits: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => edits.push(u));
  for (let i = 0; i < PARAMS.historyEdits; i++) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`Edit ${i}`)]);
    doc.getXmlFragment('default').insert(doc.getXmlFragment('default').length, [paragraph]);
  }
  return { firstState, edits };
}

async function main(): Promise<void> {
  console.log('[bench] room load', JSON.stringify(PARAMS));
  const server = await startAccordForBench({
    name: 'room-load',
    env: { COLLAB_IDLE_UNLOAD_MS: String(PARAMS.idleUnloadMs) },
    register: true,
  });
  try {
    await mongoose.connect(server.mongodbUri);
    const api = new BenchApi(server.url);
    api.cookie = server.cookie;
    const history = otherHistory();
    await addOtherDocuments(PARAMS.few, history.firstState, history.edits);
    const measured: string[] = [];
    for (let i = 0; i < PARAMS.measured; i++)
      measured.push(await typedDocument(api, server.wsUrl, `Measured ${i}`));

    const few = summarise(await measureOpens(server.wsUrl, server.cookie, measured), [50, 95], 2);
    console.log(`[bench] A. ${PARAMS.few + PARAMS.measured} documents: open p50 ${few.p50} ms`);
    const started = performance.now();
    await addOtherDocuments(PARAMS.others - PARAMS.few, history.firstState, history.edits);
    console.log(`[bench] filled in ${Math.round((performance.now() - started) / 1000)} s`);
    const many = summarise(await measureOpens(server.wsUrl, server.cookie, measured), [50, 95], 2);

    const ratio = Math.round((many.p50 / few.p50) * 100) / 100;
    const rows = [
      ['database', 'documents', 'opens', 'p50 ms', 'p95 ms', 'max ms'],
      [
        'A. few others',
        String(PARAMS.few + PARAMS.measured),
        String(few.n),
        String(few.p50),
        String(few.p95),
        String(few.max),
      ],
      [
        'B. many others',
        String(PARAMS.others + PARAMS.measured),
        String(many.n),
        String(many.p50),
        String(many.p95),
        String(many.max),
      ],
    ];
    console.log('');
    for (const row of rows)
      console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(16) : cell.padStart(10))).join(''));
    console.log(
      `\np50 B / A = ${ratio} (target ≤ ${TARGET_RATIO}): ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`,
    );
  } finally {
    await mongoose.disconnect();
    await server.stop();
  }
}

await main();
