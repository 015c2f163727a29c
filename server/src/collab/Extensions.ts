import type { Logger } from '../logger.js';
import type { CollabExtension, RoomChange } from './CollabExtension.js';
import type { Connection } from './Connection.js';
import type { Room } from './Room.js';

/** Runs the extensions' hooks in order; a failing hook is logged and the others still run. */
export class Extensions {
  constructor(
    private readonly list: readonly CollabExtension[],
    private readonly logger: Logger,
  ) {}

  /** Settles once every onLoad did; rejects if one failed (the load fails). */
  async load(room: Room): Promise<void> {
    await Promise.all(this.list.map((e) => e.onLoad?.(room)));
  }

  afterLoad(room: Room): void {
    this.each(room.documentId, 'afterLoad', (e) => e.afterLoad?.(room));
  }

  change(room: Room, change: RoomChange): void {
    this.each(room.documentId, 'onChange', (e) => e.onChange?.(room, change));
  }

  plainEdit(room: Room, update: Uint8Array, seq: number): void {
    this.each(room.documentId, 'onPlainEdit', (e) => e.onPlainEdit?.(room, update, seq));
  }

  awareness(room: Room, clients: number[]): void {
    this.each(room.documentId, 'onAwareness', (e) => e.onAwareness?.(room, clients));
  }

  stored(documentId: string, count: number): void {
    this.each(documentId, 'onStored', (e) => e.onStored?.(documentId, count));
  }

  connect(room: Room, conn: Connection): void {
    this.each(room.documentId, 'onConnect', (e) => e.onConnect?.(room, conn));
  }

  disconnect(room: Room, conn: Connection): void {
    this.each(room.documentId, 'onDisconnect', (e) => e.onDisconnect?.(room, conn));
  }

  /** Whether every extension lets the connection's update through; a failing check refuses it. */
  mayApply(room: Room, conn: Connection): boolean {
    for (const extension of this.list) {
      if (!extension.beforeApply) continue;
      try {
        if (!extension.beforeApply(room, conn)) return false;
      } catch (error) {
        this.logger.error(
          { err: error, documentId: room.documentId, extension: extension.name },
          'beforeApply failed',
        );
        return false;
      }
    }
    return true;
  }

  unload(room: Room): void {
    this.each(room.documentId, 'onUnload', (e) => e.onUnload?.(room));
  }

  private each(documentId: string, hook: string, run: (extension: CollabExtension) => void): void {
    for (const extension of this.list) {
      try {
        run(extension);
      } catch (error) {
        this.logger.warn(
          { err: error, documentId, extension: extension.name, hook },
          'extension hook failed',
        );
      }
    }
  }
}
