import type { Logger } from '../../logger.js';
import type { CollabExtension } from '../CollabExtension.js';
import { SERVER_ORIGIN, type Room } from '../Room.js';
import { mayDuplicateClauseIds, repairClauseIds } from '../repairClauseIds.js';

/** how long after a client's change the server looks for duplicate clause ids */
const REPAIR_DELAY_MS = 50;

/**
 * Clause ids stay unique: shortly after a client's change that may have copied a clause (a paste,
 * a move's copy, two people splitting one clause), the server gives each duplicate a fresh id.
 */
export function clauseIdRepair(logger: Logger): CollabExtension {
  const timers = new WeakMap<Room, NodeJS.Timeout>();
  const repair = (room: Room): void => {
    timers.delete(room);
    if (room.state !== 'ready') return;
    try {
      const fixed = repairClauseIds(room.doc, SERVER_ORIGIN);
      if (fixed > 0) logger.info({ documentId: room.documentId, fixed }, 'repaired duplicate clause ids');
    } catch (error) {
      // e.g. a raw Yjs client defined 'default' as another shared type: nothing to repair then
      logger.warn({ err: error, documentId: room.documentId }, 'clause id repair skipped');
    }
  };
  return {
    name: 'clause-id-repair',
    onChange(room, { conn, transaction }) {
      if (!conn || timers.has(room) || !mayDuplicateClauseIds(transaction)) return;
      timers.set(
        room,
        setTimeout(() => repair(room), REPAIR_DELAY_MS),
      );
    },
    onUnload(room) {
      clearTimeout(timers.get(room));
      timers.delete(room);
    },
  };
}
