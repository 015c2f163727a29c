import * as Y from 'yjs';
import { Samples } from './stats.js';

/** One update a writer sent. Nothing is embedded in the update: it is recognised by its bytes. */
export interface Op {
  writer: number;
  /** performance.now() when the writer handed it to its socket */
  t: number;
  update: Uint8Array;
  delivered: number;
  /** which readers got it; only kept once the fallback matcher is in use */
  seenBy?: Set<number>;
}

export interface ReaderState {
  id: number;
  /** ops this reader has received */
  received: number;
}

const itemKeysCache = new WeakMap<Uint8Array, { inserts: string[]; deletes: string[] }>();

/**
 * The ids ("client:clock") of the items an update inserts and deletes, for the fallback matcher.
 * Cached per update; call it ahead of a timed phase for pre-generated updates (S2) so decoding
 * them does not run on the clock.
 */
export function itemKeys(update: Uint8Array): { inserts: string[]; deletes: string[] } {
  let keys = itemKeysCache.get(update);
  if (keys) return keys;
  keys = { inserts: [], deletes: [] };
  const decoded = Y.decodeUpdate(update);
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue;
    for (let c = s.id.clock; c < s.id.clock + s.length; c++) keys.inserts.push(`${s.id.client}:${c}`);
  }
  for (const [client, items] of decoded.ds.clients) {
    for (const d of items)
      for (let c = d.clock; c < d.clock + d.len; c++) keys.deletes.push(`${client}:${c}`);
  }
  itemKeysCache.set(update, keys);
  return keys;
}

const keyOf = (u: Uint8Array): string => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('latin1');

/**
 * Matches updates received by readers to the updates writers sent, for one document.
 *
 * Primary match: the received update's bytes equal the sent update's bytes (the relay forwards
 * bytes; Yjs servers re-encode one transaction to the same bytes). Fallback, for a server that
 * merges or re-encodes updates: decode the received update and find the sent updates whose inserted
 * or deleted items it contains. Counters say how often each path was used.
 */
export class DocTracker {
  private readonly byKey = new Map<string, Op>();
  private readonly ops: Op[] = [];
  private byInsert?: Map<string, Op>;
  private byDelete?: Map<string, Op>;
  private indexed = 0;
  readonly latency: Samples;
  matchedExact = 0;
  matchedDecoded = 0;
  unmatched = 0;
  /** samples are recorded only for ops sent at or after this time */
  recordFrom = 0;

  constructor(latency: Samples) {
    this.latency = latency;
  }

  get sent(): number {
    return this.ops.length;
  }

  /** the op registered last */
  get lastOp(): Op | undefined {
    return this.ops[this.ops.length - 1];
  }

  register(update: Uint8Array, writer: number, t: number): Op {
    const op: Op = { writer, t, update, delivered: 0 };
    this.ops.push(op);
    this.byKey.set(keyOf(update), op);
    return op;
  }

  onReceive(update: Uint8Array, reader: ReaderState, now: number): void {
    const op = this.byKey.get(keyOf(update));
    if (op) {
      if (op.writer === reader.id) return;
      this.matchedExact++;
      this.deliver(op, reader, now);
      return;
    }
    const ops = this.decodeMatch(update);
    if (ops.size === 0) {
      this.unmatched++;
      return;
    }
    for (const o of ops) {
      if (o.writer === reader.id) continue;
      this.matchedDecoded++;
      this.deliver(o, reader, now);
    }
  }

  private deliver(op: Op, reader: ReaderState, now: number): void {
    if (this.byInsert) {
      op.seenBy ??= new Set();
      if (op.seenBy.has(reader.id)) return;
      op.seenBy.add(reader.id);
    }
    op.delivered++;
    reader.received++;
    if (op.t >= this.recordFrom) this.latency.push(now - op.t);
  }

  private index(): void {
    this.byInsert ??= new Map();
    this.byDelete ??= new Map();
    for (; this.indexed < this.ops.length; this.indexed++) {
      const op = this.ops[this.indexed]!;
      const keys = itemKeys(op.update);
      for (const k of keys.inserts) this.byInsert.set(k, op);
      for (const k of keys.deletes) this.byDelete.set(k, op);
    }
  }

  private decodeMatch(update: Uint8Array): Set<Op> {
    this.index();
    const found = new Set<Op>();
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch {
      return found;
    }
    for (const s of decoded.structs) {
      if (!(s instanceof Y.Item)) continue;
      for (let c = s.id.clock; c < s.id.clock + s.length; c++) {
        const op = this.byInsert!.get(`${s.id.client}:${c}`);
        if (op) found.add(op);
      }
    }
    for (const [client, items] of decoded.ds.clients) {
      for (const d of items) {
        for (let c = d.clock; c < d.clock + d.len; c++) {
          const op = this.byDelete!.get(`${client}:${c}`);
          if (op) found.add(op);
        }
      }
    }
    return found;
  }
}
