import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';

const CONTROL_CHANNEL = 'accord:control';
/** each instance says, now and then and after it stores, how far it has stored (its heartbeat) */
const STORED_CHANNEL = 'accord:stored';
const DOCUMENT_CHANNEL_PREFIX = 'accord:doc:';

/**
 * This instance's link to the other instances of Accord: two Redis connections (one publishes,
 * one subscribes), a channel per open document and one for control events. Redis being down
 * never blocks or fails a caller: a publish then is dropped (the instances' periodic state
 * exchange repairs what was missed) and `up` turns false; `onReconnect` listeners run when it is
 * back. Every message carries the instance id, so an instance ignores its own.
 */
export class RedisLink {
  readonly instanceId = randomUUID();
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly documentListeners = new Map<string, (message: Buffer) => void>();
  private readonly controlListeners: ((message: Buffer) => void)[] = [];
  private readonly storedListeners: ((from: string, through: number) => void)[] = [];
  private readonly reconnectListeners: (() => void)[] = [];
  private subReadyOnce = false;
  private closed = false;

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    const options = {
      // a command while Redis is down fails at once instead of waiting in memory
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt: number) => Math.min(2000, 50 * 2 ** Math.min(attempt, 6)),
      lazyConnect: false,
    };
    this.pub = new Redis(url, options);
    this.sub = new Redis(url, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null });
    for (const [name, client] of [
      ['publisher', this.pub],
      ['subscriber', this.sub],
    ] as const) {
      client.on('error', (error: Error) => logger.debug({ err: error, connection: name }, 'redis error'));
      client.on('end', () => !this.closed && logger.warn({ connection: name }, 'redis connection ended'));
    }
    this.sub.on('ready', () => {
      if (this.subReadyOnce) {
        logger.info('redis is back: resynchronising open documents with the other instances');
        for (const listener of this.reconnectListeners) listener();
      }
      this.subReadyOnce = true;
    });
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const name = channel.toString();
      if (name === CONTROL_CHANNEL) for (const listener of this.controlListeners) listener(message);
      else if (name === STORED_CHANNEL) this.heardStored(message);
      else this.documentListeners.get(name.slice(DOCUMENT_CHANNEL_PREFIX.length))?.(message);
    });
    void this.sub.subscribe(CONTROL_CHANNEL, STORED_CHANNEL).catch(() => {});
  }

  /**
   * The connection for ordinary commands (e.g. the shared rate limits). It does not wait while Redis
   * is down: a command then fails at once, and the caller does without.
   */
  get commands(): Redis {
    return this.pub;
  }

  /** Both connections are up. */
  get up(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  /** Receives the document's messages (from other instances and this one) until `leave`. */
  async join(documentId: string, listener: (message: Buffer) => void): Promise<void> {
    this.documentListeners.set(documentId, listener);
    try {
      await this.sub.subscribe(DOCUMENT_CHANNEL_PREFIX + documentId);
    } catch (error) {
      // Redis is down: the subscription is made again on reconnect (ioredis resubscribes)
      this.logger.debug({ err: error, documentId }, 'redis subscribe failed');
    }
  }

  leave(documentId: string): void {
    this.documentListeners.delete(documentId);
    this.sub.unsubscribe(DOCUMENT_CHANNEL_PREFIX + documentId).catch(() => {});
  }

  publish(documentId: string, message: Buffer): void {
    this.send(DOCUMENT_CHANNEL_PREFIX + documentId, message);
  }

  publishControl(message: Buffer): void {
    this.send(CONTROL_CHANNEL, message);
  }

  onControl(listener: (message: Buffer) => void): void {
    this.controlListeners.push(listener);
  }

  /** Tells the others this instance has stored every update up to its sequence number `through`. */
  publishStored(through: number): void {
    this.send(STORED_CHANNEL, Buffer.from(`${this.instanceId} ${through}`));
  }

  /** Hears other instances' publishStored. */
  onStored(listener: (from: string, through: number) => void): void {
    this.storedListeners.push(listener);
  }

  private heardStored(message: Buffer): void {
    const [from, through] = message.toString().split(' ');
    const seq = Number(through);
    if (!from || from === this.instanceId || !Number.isSafeInteger(seq)) return;
    for (const listener of this.storedListeners) listener(from, seq);
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }

  private send(channel: string, message: Buffer): void {
    if (this.pub.status !== 'ready') return;
    this.pub.publish(channel, message).catch((error: unknown) => {
      this.logger.debug({ err: error, channel }, 'redis publish failed');
    });
  }
}
