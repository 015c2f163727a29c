import type { Logger } from '../../logger.js';
import type { CollabExtension } from '../CollabExtension.js';
import type { Room } from '../Room.js';
import { extractSearchText } from '../../search/extractSearchText.js';
import { storeSearchText } from '../../search/storeSearchText.js';

/** how long after a change the text is derived again (once per period while people type) */
const SEARCH_TEXT_DELAY_MS = 3000;

/**
 * Keeps each document's search text (models/DocumentText.ts) in step with its content: a few
 * seconds after a change, and when the room unloads with a change not yet derived, the room's
 * text is rendered and stored, so a search never loads Yjs documents for the documents kept up to date.
 */
export function searchTextIndexing(logger: Logger, delayMs = SEARCH_TEXT_DELAY_MS): CollabExtension {
  const timers = new Map<Room, NodeJS.Timeout>();
  const derive = (room: Room): void => {
    timers.delete(room);
    let text;
    try {
      text = extractSearchText(room.doc);
    } catch (error) {
      logger.warn({ err: error, documentId: room.documentId }, 'could not derive the search text');
      return;
    }
    storeSearchText(room.documentId, text).catch((error: unknown) =>
      logger.warn({ err: error, documentId: room.documentId }, 'could not store the search text'),
    );
  };
  return {
    name: 'search-text',
    onChange(room, change) {
      // (a change from another instance: that instance derives it)
      if (change.remote || room.state !== 'ready' || timers.has(room)) return;
      timers.set(
        room,
        setTimeout(() => derive(room), delayMs),
      );
    },
    onUnload(room) {
      const timer = timers.get(room);
      if (!timer) return;
      clearTimeout(timer);
      derive(room);
    },
  };
}
