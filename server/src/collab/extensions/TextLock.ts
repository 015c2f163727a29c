import type { CollabExtension } from '../CollabExtension.js';
import type { Room } from '../Room.js';

interface Lock {
  locked: boolean;
  /** set by a workflow change, which is newer than what the load read */
  setByWorkflow: boolean;
}

/**
 * The workflow can lock a document's text (frozen for review, published): while it is locked,
 * every connection's document updates are dropped, never stored or sent on. Read when a room
 * loads; changed through `set` when the workflow changes.
 */
export class TextLock implements CollabExtension {
  readonly name = 'text-lock';
  private readonly locks = new WeakMap<Room, Lock>();

  constructor(private readonly isTextLocked: (documentId: string) => Promise<boolean>) {}

  async onLoad(room: Room): Promise<void> {
    const locked = await this.isTextLocked(room.documentId);
    const lock = this.lockOf(room);
    if (!lock.setByWorkflow) lock.locked = locked;
  }

  beforeApply(room: Room): boolean {
    return !this.lockOf(room).locked;
  }

  /** The workflow locked or unlocked the text of an open room. */
  set(room: Room, locked: boolean): void {
    const lock = this.lockOf(room);
    lock.locked = locked;
    lock.setByWorkflow = true;
  }

  isLocked(room: Room): boolean {
    return this.lockOf(room).locked;
  }

  onUnload(room: Room): void {
    this.locks.delete(room);
  }

  private lockOf(room: Room): Lock {
    let lock = this.locks.get(room);
    if (!lock) this.locks.set(room, (lock = { locked: false, setByWorkflow: false }));
    return lock;
  }
}
