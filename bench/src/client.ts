import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { ACCORD_PROTOCOL_VERSION, MessageType, encodeHello, encodeSaved, readSaved } from '@accord/shared';
import type { Endpoint } from './servers.js';
import type { DocTracker, ReaderState } from './tracker.js';

// y-websocket protocol (y-protocols/sync + awareness), plus Accord's extra types
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const HOCUSPOCUS_SYNC_REPLY = 4;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
const EMPTY_UPDATE = Uint8Array.from([0, 0]);

const REMOTE = Symbol('remote');

export interface ClientOptions {
  endpoint: Endpoint;
  /** matches received updates to sent ones; undefined: this client does not measure delivery */
  tracker?: DocTracker;
  /** a writer's document: answers sync step 1 with its state (its updates are sent by the caller) */
  doc?: Y.Doc;
  /** apply received updates to `doc` (readers that keep a replica) */
  applyRemote?: boolean;
  /** Accord only: say ACCORD_HELLO, so the server answers ACCORD_SAVED requests (`requestSaved`) */
  hello?: boolean;
  /** Accord: the server stored everything this connection sent before it asked `requestSaved(n)` */
  onSaved?: (n: number, now: number) => void;
  /** announce an awareness state on connect, as editors do */
  awareness?: boolean;
}

let nextId = 1;

/**
 * A raw y-websocket-protocol client over `ws`, the same for every server; the endpoint's adapter
 * only wraps the framing (hocuspocus' document-name prefix and auth message, Accord's cookie).
 */
export class BenchClient {
  readonly id: number;
  readonly reader: ReaderState;
  readonly ws: WebSocket;
  /** performance.now() when the socket was created */
  readonly startedAt: number;
  syncedAt = NaN;
  /** size of the first sync step 2 received (the state the server sent on join) */
  syncBytes = 0;
  readonly synced: Promise<number>;
  readonly opened: Promise<void>;
  readonly closed: Promise<void>;
  closedUnexpectedly = false;
  closeCode = 0;
  private closing = false;
  private resolveSynced!: (t: number) => void;

  constructor(private readonly opts: ClientOptions) {
    this.id = opts.doc?.clientID ?? 0x40000000 + nextId++;
    this.reader = { id: this.id, received: 0 };
    this.synced = new Promise((resolve) => (this.resolveSynced = resolve));
    this.startedAt = performance.now();
    this.ws = new WebSocket(opts.endpoint.url, { headers: opts.endpoint.headers, perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
      this.ws.once('unexpected-response', (_req, res) =>
        reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)),
      );
    });
    this.opened.catch(() => {});
    this.closed = new Promise((resolve) =>
      this.ws.on('close', (code) => {
        this.closeCode = code;
        if (!this.closing) this.closedUnexpectedly = true;
        resolve();
      }),
    );
    this.ws.on('error', () => {});
    this.ws.on('open', () => this.onOpen());
    this.ws.on('message', (data: Buffer) => this.onMessage(data));
  }

  private onOpen(): void {
    for (const m of this.opts.endpoint.openMessages) this.ws.send(m);
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    encoding.writeVarUint(enc, SYNC_STEP_1);
    encoding.writeVarUint8Array(enc, this.opts.doc ? Y.encodeStateVector(this.opts.doc) : Uint8Array.of(0));
    this.send(encoding.toUint8Array(enc));
    if (this.opts.awareness) {
      const state = encoding.createEncoder();
      encoding.writeVarUint(state, 1);
      encoding.writeVarUint(state, this.id);
      encoding.writeVarUint(state, 1);
      encoding.writeVarString(state, JSON.stringify({ user: { name: `bench ${this.id}` } }));
      const msg = encoding.createEncoder();
      encoding.writeVarUint(msg, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(msg, encoding.toUint8Array(state));
      this.send(encoding.toUint8Array(msg));
    }
    if (this.opts.hello) this.send(encodeHello(ACCORD_PROTOCOL_VERSION));
  }

  /** Sends one payload (a y-websocket message) through the adapter's framing. */
  send(payload: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(this.opts.endpoint.wrap(payload));
  }

  /** Sends a Yjs update as a sync update message, registering its send time with the tracker. */
  sendUpdate(update: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.opts.tracker?.register(update, this.id, performance.now());
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    encoding.writeVarUint(enc, SYNC_UPDATE);
    encoding.writeVarUint8Array(enc, update);
    this.ws.send(this.opts.endpoint.wrap(encoding.toUint8Array(enc)));
  }

  /** Accord: asks the server to answer ACCORD_SAVED(n) once everything sent so far is stored. */
  requestSaved(n: number): void {
    this.send(encodeSaved(n));
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  private onMessage(data: Buffer): void {
    const now = performance.now();
    const payload = this.opts.endpoint.unwrap(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (!payload) return;
    const dec = decoding.createDecoder(payload);
    const type = decoding.readVarUint(dec);
    if (type === MESSAGE_SYNC || type === HOCUSPOCUS_SYNC_REPLY) {
      const sub = decoding.readVarUint(dec);
      if (sub === SYNC_STEP_1) {
        const sv = decoding.readVarUint8Array(dec);
        const enc = encoding.createEncoder();
        encoding.writeVarUint(enc, MESSAGE_SYNC);
        encoding.writeVarUint(enc, SYNC_STEP_2);
        encoding.writeVarUint8Array(
          enc,
          this.opts.doc ? Y.encodeStateAsUpdate(this.opts.doc, sv) : EMPTY_UPDATE,
        );
        this.send(encoding.toUint8Array(enc));
      } else if (sub === SYNC_STEP_2) {
        const update = decoding.readVarUint8Array(dec);
        if (this.opts.doc && this.opts.applyRemote) Y.applyUpdate(this.opts.doc, update, REMOTE);
        if (Number.isNaN(this.syncedAt)) {
          this.syncBytes = update.byteLength;
          this.syncedAt = now;
          this.resolveSynced(now);
        }
      } else if (sub === SYNC_UPDATE) {
        const update = decoding.readVarUint8Array(dec);
        this.opts.tracker?.onReceive(update, this.reader, now);
        if (this.opts.doc && this.opts.applyRemote) Y.applyUpdate(this.opts.doc, update, REMOTE);
      }
    } else if (type === MessageType.ACCORD_SAVED) {
      this.opts.onSaved?.(readSaved(dec), now);
    }
    // awareness (1), hocuspocus auth (2) and sync status (8), other Accord events: not measured
  }

  close(): Promise<void> {
    this.closing = true;
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    this.ws.terminate();
    return this.closed;
  }
}
