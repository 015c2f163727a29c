/**
 * Benchmark: what the collaboration socket sends, and what would make it smaller (issue 18).
 *
 *   npx tsx bench/network/syncEncoding.ts [--edits 20000] [--missed 200] [--messages 2000]
 *
 * Pure Yjs + zlib, no server: the 50-article document of fixture.ts, then `--edits` transactions
 * of the real editing trace (bench/src/trace.ts) typed into its first paragraph, by three
 * authors in turn (a document with a history).
 *   1. Initial sync (sync step 2 of the whole state): Yjs update format V1 vs V2, bytes and
 *      encode/decode time, and each deflated as permessage-deflate would.
 *   2. Reconnect after a short break: the diff for a client that missed `--missed` transactions
 *      (the server answers sync step 1 with Y.encodeStateAsUpdate(doc, clientStateVector)).
 *   3. Live traffic: `--messages` keystroke updates (y-websocket sync messages) interleaved with an
 *      awareness update (caret) every 4th keystroke, as sent; with permessage-deflate as `ws`
 *      does it by default (threshold 1024 bytes: nothing under it is compressed), with no
 *      threshold and no context takeover, and with context takeover (one deflate stream per
 *      socket, Z_SYNC_FLUSH per message, the 4-byte tail removed) — the most it could save.
 */
import zlib from 'node:zlib';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { loadTrace } from '../src/trace.js';
import { article } from './fixture.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PARAMS = {
  articles: 50,
  edits: option('edits', 20_000),
  missed: option('missed', 200),
  messages: option('messages', 2000),
};

const deflate = (bytes: Uint8Array) => zlib.deflateRawSync(bytes).length;
const syncMessage = (update: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // messageSync
  encoding.writeVarUint(e, 2); // messageYjsUpdate
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};
const awarenessMessage = (update: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // messageAwareness
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};
function time<T>(run: () => T, repeat = 20): { result: T; ms: number } {
  let result = run();
  const t0 = performance.now();
  for (let i = 0; i < repeat; i++) result = run();
  return { result, ms: Math.round(((performance.now() - t0) / repeat) * 100) / 100 };
}

// the document, typed by three authors in turn
const authors = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
const fragment0 = authors[0]!.getXmlFragment('default');
fragment0.insert(
  0,
  Array.from({ length: PARAMS.articles }, (_, i) => article(i + 1)),
);
const sync = () => {
  for (const a of authors)
    for (const b of authors) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
};
sync();
const paragraphOf = (doc: Y.Doc) =>
  (
    ((doc.getXmlFragment('default').get(0) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlElement
  ).get(0) as Y.XmlText;
const trace = loadTrace().txns;
const liveUpdates: Uint8Array[] = [];
let snapshotForReconnect: Uint8Array | null = null;
const typeTxn = (doc: Y.Doc, patches: (typeof trace)[number]) => {
  const text = paragraphOf(doc);
  doc.transact(() => {
    for (const [pos, del, ins] of patches) {
      const at = Math.min(pos, text.length);
      if (del) text.delete(at, Math.min(del, text.length - at));
      if (ins) text.insert(at, ins);
    }
  });
};
for (let i = 0; i < PARAMS.edits; i++) {
  const doc = authors[Math.floor(i / 50) % 3]!;
  if (i % 50 === 0) sync();
  if (i === PARAMS.edits - PARAMS.missed) snapshotForReconnect = Y.encodeStateVector(authors[0]!);
  typeTxn(doc, trace[i % trace.length]!);
}
sync();
const doc = authors[0]!;

// 1. initial sync
const v1 = time(() => Y.encodeStateAsUpdate(doc));
const v2 = time(() => Y.encodeStateAsUpdateV2(doc));
const decodeV1 = time(() => Y.applyUpdate(new Y.Doc(), v1.result), 5);
const decodeV2 = time(() => Y.applyUpdateV2(new Y.Doc(), v2.result), 5);
const brotli = (bytes: Uint8Array) => zlib.brotliCompressSync(bytes).length;

// 2. reconnect after missing the last transactions
const missedV1 = Y.encodeStateAsUpdate(doc, snapshotForReconnect!);
const missedV2 = Y.encodeStateAsUpdateV2(doc, snapshotForReconnect!);

// 3. live traffic: keystrokes (one update each) and carets
const typist = new Y.Doc();
Y.applyUpdate(typist, Y.encodeStateAsUpdate(doc));
typist.on('update', (update: Uint8Array) => liveUpdates.push(syncMessage(update)));
const awareness = new Awareness(typist);
const messages: Uint8Array[] = [];
for (let i = 0; i < PARAMS.messages; i++) {
  const before = liveUpdates.length;
  typeTxn(typist, trace[(PARAMS.edits + i) % trace.length]!);
  messages.push(...liveUpdates.slice(before));
  if (i % 4 === 0) {
    const text = paragraphOf(typist);
    awareness.setLocalStateField('user', {
      id: '0123456789abcdef01234567',
      name: 'Ana Quispe',
      color: '#1f6feb',
    });
    awareness.setLocalStateField('cursor', {
      anchor: Y.createRelativePositionFromTypeIndex(text, Math.min(i, text.length)),
      head: Y.createRelativePositionFromTypeIndex(text, Math.min(i, text.length)),
    });
    messages.push(awarenessMessage(encodeAwarenessUpdate(awareness, [typist.clientID])));
  }
}
const raw = messages.reduce((n, m) => n + m.length, 0);
const wsDefault = messages.reduce((n, m) => n + (m.length >= 1024 ? deflate(m) - 4 + 1 : m.length), 0);
const noTakeover = messages.reduce((n, m) => n + Math.min(m.length, deflate(m) - 4 + 1), 0);
let takeover = 0;
const t0 = performance.now();
{
  // the per-socket stream, estimated: what each message adds to the deflated 32 KB history
  let history = Buffer.alloc(0);
  for (const m of messages) {
    const withHistory = zlib.deflateRawSync(Buffer.concat([history, m]), { level: 6 });
    const historyOnly = history.length ? zlib.deflateRawSync(history, { level: 6 }) : Buffer.alloc(0);
    takeover += Math.max(1, withHistory.length - historyOnly.length);
    history = Buffer.concat([history, m]).subarray(-32 * 1024);
  }
}
const takeoverMs = Math.round(performance.now() - t0);

const kb = (n: number) => Math.round(n / 102.4) / 10;
console.log(
  JSON.stringify(
    {
      benchmark: 'collaboration payloads: V1 vs V2, reconnect diff, permessage-deflate (issue 18)',
      parameters: PARAMS,
      initialSync: {
        v1: {
          KB: kb(v1.result.length),
          deflateKB: kb(deflate(v1.result)),
          brotliKB: kb(brotli(v1.result)),
          encodeMs: v1.ms,
          decodeMs: decodeV1.ms,
        },
        v2: {
          KB: kb(v2.result.length),
          deflateKB: kb(deflate(v2.result)),
          brotliKB: kb(brotli(v2.result)),
          encodeMs: v2.ms,
          decodeMs: decodeV2.ms,
        },
      },
      // the first sync deflated with smaller zlib windows and memory levels (what a server may
      // choose for permessage-deflate: zlib's deflate state is 2^(windowBits+2) + 2^(memLevel+9)
      // bytes per socket, inflate's 2^windowBits + ~7 KB)
      initialSyncDeflateWindows: [15, 13, 11, 10].flatMap((windowBits) =>
        [8, 4].map((memLevel) => ({
          windowBits,
          memLevel,
          KB: kb(zlib.deflateRawSync(v1.result, { windowBits, memLevel }).length),
          deflateStateKB: kb(2 ** (windowBits + 2) + 2 ** (memLevel + 9)),
        })),
      ),
      reconnectAfterMissing: {
        transactions: PARAMS.missed,
        v1Bytes: missedV1.length,
        v2Bytes: missedV2.length,
        fullStateV1KB: kb(v1.result.length),
      },
      liveTraffic: {
        messages: messages.length,
        meanMessageBytes: Math.round(raw / messages.length),
        rawKB: kb(raw),
        wsDefaultPermessageDeflateKB: kb(wsDefault),
        deflateEachMessageNoContextTakeoverKB: kb(noTakeover),
        deflateWithContextTakeoverKB: kb(takeover),
        estimateMs: takeoverMs,
      },
    },
    null,
    2,
  ),
);
