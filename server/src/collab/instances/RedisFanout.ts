import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from '../../logger.js';
import type { CollabExtension, RoomChange } from '../CollabExtension.js';
import type { Room } from '../Room.js';
import type { RedisLink } from './RedisLink.js';
import type { PersistenceQueue } from '../PersistenceQueue.js';
import { RemoteCustody } from './RemoteCustody.js';
import { mergeUpdates } from '../mergeUpdates.js';
import { InstanceMessage, decodeInstanceMessage, encodeInstanceMessage } from './instanceMessages.js';
import { deletionDigest, hasNewsFor, lacksNewsFrom } from './docState.js';

/** how often the instances holding a document compare their copies (Redis may drop messages) */
const RESYNC_INTERVAL_MS = 10_000;
/** an instance not heard of for this many resync intervals is taken for dead (RemoteCustody) */
const SILENT_INTERVALS = 3;
/** how often, at most, this instance tells the others how far it has stored */
const STORED_NOTICE_MS = 50;

interface Peered {
  room: Room;
  /** the stored state is in: what other instances send is applied (until then it waits) */
  ready: boolean;
  early: Buffer[];
}

/**
 * Several instances of Accord serve one document together: every change and awareness state an
 * instance's clients make goes to the document's Redis channel, and the other instances holding
 * it apply it and send it to their own clients (each instance stores only what its own clients
 * sent). A room that opens asks the others for what it lacks (its state vector); every
 * RESYNC_INTERVAL_MS, and at once when Redis comes back, the instances compare state vectors and
 * deletion digests and send each other what is missing, so a message Redis dropped is repaired.
 */
export class RedisFanout implements CollabExtension {
  readonly name = 'redis-fanout';
  private readonly rooms = new Map<string, Peered>();
  private readonly timer: NodeJS.Timeout;
  private readonly custody: RemoteCustody;
  private noticeTimer: NodeJS.Timeout | undefined;
  /** per document: the updates of this turn of the event loop after its first (sent at its end) */
  private readonly outgoing = new Map<string, { room: Room; updates: Uint8Array[]; seq: number }>();

  constructor(
    private readonly link: RedisLink,
    private readonly queue: PersistenceQueue,
    private readonly logger: Logger,
    resyncIntervalMs = RESYNC_INTERVAL_MS,
  ) {
    this.custody = new RemoteCustody(queue, resyncIntervalMs * SILENT_INTERVALS);
    this.timer = setInterval(() => {
      this.resyncAll();
      // (also this instance's heartbeat)
      link.publishStored(queue.storedThrough);
      this.custody.sweep();
    }, resyncIntervalMs);
    this.timer.unref();
    link.onReconnect(() => this.resyncAll());
    link.onStored((from, through) => this.custody.stored(from, through));
    queue.onStored(() => {
      this.noticeTimer ??= setTimeout(() => {
        this.noticeTimer = undefined;
        link.publishStored(queue.storedThrough);
      }, STORED_NOTICE_MS);
    });
  }

  async onLoad(room: Room): Promise<void> {
    const peered: Peered = { room, ready: false, early: [] };
    this.rooms.set(room.documentId, peered);
    await this.link.join(room.documentId, (message) => this.receive(peered, message));
  }

  afterLoad(room: Room): void {
    const peered = this.rooms.get(room.documentId);
    if (!peered) return;
    peered.ready = true;
    for (const message of peered.early.splice(0)) this.receive(peered, message);
    // what the others hold and have not stored yet, and who is there
    this.sendState(room, InstanceMessage.STATE);
    this.send(room, InstanceMessage.AWARENESS_QUERY);
  }

  onPlainEdit(room: Room, update: Uint8Array, seq: number): void {
    if (this.rooms.get(room.documentId)?.ready) this.publishUpdate(room, update, seq);
  }

  onChange(room: Room, change: RoomChange): void {
    // (a plain edit went out before it was applied, unless the room was not peered yet)
    if (change.remote || (change.early && this.rooms.get(room.documentId)?.ready)) return;
    this.publishUpdate(room, change.update, change.seq ?? 0);
  }

  /**
   * The first update of a turn of the event loop goes out at once (a keystroke reaches the other
   * instances without waiting); the rest of that turn's go at its end as one merged message (a
   * burst reads many updates per turn: one Redis message instead of one per update). `seq`: the
   * persistence sequence number the others keep it under until this instance has stored it.
   */
  private publishUpdate(room: Room, update: Uint8Array, seq: number): void {
    const batch = this.outgoing.get(room.documentId);
    if (batch) {
      batch.updates.push(update);
      batch.seq = Math.max(batch.seq, seq);
      return;
    }
    this.send(room, InstanceMessage.UPDATE, update, '', seq);
    this.outgoing.set(room.documentId, { room, updates: [], seq: 0 });
    setImmediate(() => {
      const turn = this.outgoing.get(room.documentId);
      this.outgoing.delete(room.documentId);
      if (!turn || turn.updates.length === 0) return;
      const merged = turn.updates.length === 1 ? turn.updates[0]! : mergeUpdates(turn.updates);
      this.send(turn.room, InstanceMessage.UPDATE, merged, '', turn.seq);
    });
  }

  onAwareness(room: Room, clients: number[]): void {
    this.send(
      room,
      InstanceMessage.AWARENESS,
      awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients),
    );
  }

  onUnload(room: Room): void {
    if (this.rooms.get(room.documentId)?.room !== room) return;
    this.rooms.delete(room.documentId);
    this.link.leave(room.documentId);
    this.custody.release(room.documentId);
  }

  /** Stops; what is kept of other instances' updates is queued for storing (before the drain). */
  close(): void {
    clearInterval(this.timer);
    clearTimeout(this.noticeTimer);
    this.custody.releaseAll();
  }

  /** Compares every open document with the other instances' copies. */
  resyncAll(): void {
    for (const { room, ready } of this.rooms.values()) if (ready) this.sendState(room, InstanceMessage.STATE);
  }

  private receive(peered: Peered, raw: Buffer): void {
    const message = decodeInstanceMessage(raw);
    if (!message || message.from === this.link.instanceId) return;
    if (!peered.ready) {
      peered.early.push(raw);
      return;
    }
    const { room } = peered;
    if (room.state !== 'ready') return;
    try {
      switch (message.type) {
        case InstanceMessage.UPDATE:
        case InstanceMessage.DIFF:
          room.applyRemoteUpdate(message.payload);
          this.custody.keep(message.from, room.documentId, message.seq, message.payload);
          return;
        case InstanceMessage.AWARENESS:
          room.applyRemoteAwareness(message.payload);
          return;
        case InstanceMessage.STATE:
        case InstanceMessage.STATE_REPLY: {
          const digest = deletionDigest(room.doc);
          if (hasNewsFor(room.doc, message.payload, message.digest, digest))
            this.send(
              room,
              InstanceMessage.DIFF,
              Y.encodeStateAsUpdate(room.doc, message.payload),
              '',
              // what this instance has of the document is stored once all it queued is
              this.queue.lastSeq,
            );
          // the asker may have something this one lacks: it hears this one's state and answers
          // (a reply is not answered again)
          const differs = digest !== message.digest || lacksNewsFrom(room.doc, message.payload);
          if (message.type === InstanceMessage.STATE && differs)
            this.sendState(room, InstanceMessage.STATE_REPLY);
          return;
        }
        case InstanceMessage.AWARENESS_QUERY: {
          const local = [...room.connections].flatMap((c) => (c.clientId === null ? [] : [c.clientId]));
          const present = local.filter((id) => room.awareness.getStates().has(id));
          if (present.length > 0)
            this.send(
              room,
              InstanceMessage.AWARENESS,
              awarenessProtocol.encodeAwarenessUpdate(room.awareness, present),
            );
          return;
        }
        default:
          return;
      }
    } catch (error) {
      this.logger.warn(
        { err: error, documentId: room.documentId },
        'a message from another instance was not applied',
      );
    }
  }

  private sendState(room: Room, type: number): void {
    this.send(room, type, Y.encodeStateVector(room.doc), deletionDigest(room.doc));
  }

  private send(room: Room, type: number, payload?: Uint8Array, digest?: string, seq?: number): void {
    this.link.publish(
      room.documentId,
      encodeInstanceMessage(this.link.instanceId, type, payload, digest, seq),
    );
  }
}
