import type { Logger } from '../../logger.js';
import type { CollabExtension } from '../CollabExtension.js';
import type { Room } from '../Room.js';
import { KeyedDelay } from '../KeyedDelay.js';
import { KeyedWrites } from '../../database/KeyedWrites.js';
import { extractSearchText, type SearchText } from '../../search/extractSearchText.js';
import { storeSearchText } from '../../search/storeSearchText.js';

/** how long after a change the text is derived again (once per period while people type) */
const SEARCH_TEXT_DELAY_MS = 3000;
/** texts stored at once: a wave of edits in many rooms does not pile up queries */
const MAX_STORES_IN_FLIGHT = 4;

/**
 * Keeps each document's search text (models/DocumentText.ts) in step with its content: a few
 * seconds after a change, and when the room unloads with a change not yet derived, the room's
 * text is rendered and stored, so a search never loads Yjs documents for the documents kept up to date.
 * One timer serves every room (KeyedDelay); a text is rendered when its store can start
 * (KeyedWrites), so rooms waiting for the database hold no rendered text.
 */
export function searchTextIndexing(logger: Logger, delayMs = SEARCH_TEXT_DELAY_MS): CollabExtension {
  const render = (room: Room) => {
    try {
      return extractSearchText(room.doc);
    } catch (error) {
      logger.warn({ err: error, documentId: room.documentId }, 'could not derive the search text');
      return null;
    }
  };
  /** null: the text as it is when the store starts (a room being unloaded gives its text now) */
  const stores = new KeyedWrites<Room, SearchText | null>(MAX_STORES_IN_FLIGHT, async (room, rendered) => {
    const text = rendered ?? render(room);
    if (!text) return;
    await storeSearchText(room.documentId, text).catch((error: unknown) =>
      logger.warn({ err: error, documentId: room.documentId }, 'could not store the search text'),
    );
  });
  const due = new KeyedDelay<Room, null>(delayMs, (room) => stores.queue(room, null));
  return {
    name: 'search-text',
    onChange(room, change) {
      // (a change from another instance: that instance derives it)
      if (change.remote || room.state !== 'ready' || due.has(room)) return;
      due.set(room, null);
    },
    onUnload(room) {
      if (!due.take(room) && !stores.isWaiting(room)) return;
      // the text as it is now: the room is destroyed next
      const text = render(room);
      if (text) stores.queue(room, text);
    },
  };
}
