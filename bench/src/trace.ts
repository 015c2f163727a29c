import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as Y from 'yjs';
import { repoRoot } from './paths.js';

/** One patch of the trace: [position, numDeleted, inserted], applied like Array.prototype.splice. */
export type Patch = [number, number, string];

export interface Trace {
  startContent: string;
  endContent: string;
  /** one entry per transaction (each is one "update" a client sends) */
  txns: Patch[][];
}

export const traceDir = path.resolve(repoRoot, '..', 'shared', 'data', 'editing-traces');
export const tracePath = path.join(traceDir, 'automerge-paper.json.gz');

let cached: Trace | undefined;

export function loadTrace(): Trace {
  if (cached) return cached;
  if (!fs.existsSync(tracePath)) {
    throw new Error(`editing trace not found at ${tracePath} (shared/ must sit beside the repo)`);
  }
  const raw = JSON.parse(zlib.gunzipSync(fs.readFileSync(tracePath)).toString('utf8')) as {
    startContent: string;
    endContent: string;
    txns: { patches: Patch[] }[];
  };
  cached = {
    startContent: raw.startContent,
    endContent: raw.endContent,
    txns: raw.txns.map((t) => t.patches),
  };
  return cached;
}

/**
 * The editor content lives where Tiptap keeps it: the XmlFragment named `default`. A typist types
 * into its own paragraph (one XmlText), appended at the end of the fragment: a server may hold
 * other content there (Accord puts the document's title and an empty paragraph in a new document).
 */
export function newParagraph(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment('default');
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  fragment.insert(fragment.length, [paragraph]);
  return text;
}

/** The text of the paragraph that the Yjs client `clientID` created (a typist's paragraph). */
export function typedText(doc: Y.Doc, clientID: number): string | undefined {
  for (const child of doc.getXmlFragment('default').toArray()) {
    if (!(child instanceof Y.XmlElement) || child._item?.id.client !== clientID) continue;
    const text = child.get(0);
    if (!(text instanceof Y.XmlText)) return '';
    return (text.toDelta() as { insert?: unknown }[])
      .map((d) => (typeof d.insert === 'string' ? d.insert : ''))
      .join('');
  }
  return undefined;
}

export function applyPatches(text: Y.XmlText, patches: Patch[]): void {
  for (const [pos, del, ins] of patches) {
    if (del > 0) text.delete(pos, del);
    if (ins.length > 0) text.insert(pos, ins);
  }
}

/**
 * Types the trace into a Y.Doc, one transaction per trace transaction, from `start`. Each call to
 * `next()` produces the Yjs update of one trace transaction (what a client would send). The doc
 * starts empty; the paragraph scaffold goes out with the first update. At the end of the trace
 * `next()` returns undefined.
 */
export class Typist {
  readonly doc: Y.Doc;
  private text: Y.XmlText | undefined;
  private index = 0;
  private pending: Uint8Array[] = [];

  constructor(
    private readonly trace: Trace,
    clientID?: number,
  ) {
    this.doc = new Y.Doc();
    if (clientID !== undefined) this.doc.clientID = clientID;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'typist') this.pending.push(update);
    });
  }

  get position(): number {
    return this.index;
  }

  /** Returns the updates produced by the next trace transaction (the first also holds the scaffold). */
  next(): Uint8Array | undefined {
    const patches = this.trace.txns[this.index];
    if (!patches) return undefined;
    this.index++;
    // the paragraph scaffold is created in the first transaction, so it is part of the first update
    this.doc.transact(() => applyPatches((this.text ??= newParagraph(this.doc)), patches), 'typist');
    const updates = this.pending;
    this.pending = [];
    if (updates.length === 0) return this.next();
    return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
  }
}

/** Encoded updates of the first `count` trace transactions by one client (pre-generated). */
export function pregenerate(count: number, clientID: number): Uint8Array[] {
  const typist = new Typist(loadTrace(), clientID);
  const out: Uint8Array[] = [];
  while (out.length < count) {
    const u = typist.next();
    if (!u) break;
    out.push(u);
  }
  return out;
}

let fullState: { update: Uint8Array; stateVector: Uint8Array; text: string } | undefined;

/** The Yjs client id of the client that typed the whole trace (`wholeTraceUpdate`). */
export const WHOLE_TRACE_CLIENT = 1_000_003;

/** The whole trace typed by one client, as one merged update (S3's preload, S6's reload check). */
export function wholeTraceUpdate(): { update: Uint8Array; stateVector: Uint8Array; text: string } {
  if (fullState) return fullState;
  const trace = loadTrace();
  const doc = new Y.Doc();
  doc.clientID = WHOLE_TRACE_CLIENT;
  const text = doc.transact(() => newParagraph(doc));
  for (const patches of trace.txns) doc.transact(() => applyPatches(text, patches));
  fullState = {
    update: Y.encodeStateAsUpdate(doc),
    stateVector: Y.encodeStateVector(doc),
    text: typedText(doc, WHOLE_TRACE_CLIENT) ?? '',
  };
  doc.destroy();
  return fullState;
}
