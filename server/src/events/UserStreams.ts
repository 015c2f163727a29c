import type { Response } from 'express';
import type { AccordEvent } from '@accord/shared';

/** streams one user may hold open at once (tabs); the oldest is closed beyond it */
const MAX_STREAMS_PER_USER = 10;
/** a comment line this often keeps proxies from closing an idle stream */
const HEARTBEAT_MS = 25_000;

/**
 * The signed-in users' own live channels on this instance: Server-Sent Events streams
 * (GET /api/events) that carry what concerns the person wherever they are in the app — a
 * notification, an invitation — where a document's socket only serves that document's page.
 * Delivery across instances goes through CollabControl.sendToUser.
 */
export class UserStreams {
  private readonly streams = new Map<string, Set<Response>>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    this.heartbeat = setInterval(() => {
      for (const set of this.streams.values()) for (const res of set) res.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Starts the event stream on `res` for `userId`; it ends when the client goes away. */
  open(userId: string, res: Response): void {
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // nginx and other proxies must pass each event on at once
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 5000\n\n');
    let set = this.streams.get(userId);
    if (!set) this.streams.set(userId, (set = new Set()));
    set.add(res);
    if (set.size > MAX_STREAMS_PER_USER) {
      const oldest = set.values().next().value!;
      set.delete(oldest);
      oldest.end();
    }
    res.on('close', () => {
      set.delete(res);
      if (set.size === 0 && this.streams.get(userId) === set) this.streams.delete(userId);
    });
  }

  /** Sends the event to every stream of the user on this instance. */
  send(userId: string, event: AccordEvent): void {
    const set = this.streams.get(userId);
    if (!set) return;
    const frame = `event: accord\ndata: ${JSON.stringify(event)}\n\n`;
    for (const res of set) res.write(frame);
  }

  /** Ends the user's streams (signed out). */
  closeUser(userId: string): void {
    for (const res of this.streams.get(userId) ?? []) res.end();
    this.streams.delete(userId);
  }

  /** Ends every stream (shutdown). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const set of this.streams.values()) for (const res of set) res.end();
    this.streams.clear();
  }
}
