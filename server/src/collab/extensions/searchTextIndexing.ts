import type { Logger } from '../../logger.js';
import type { CollabExtension } from '../CollabExtension.js';
import type { Room } from '../Room.js';
import { KeyedDelay } from '../KeyedDelay.js';
import { WriteLimiter } from '../../database/WriteLimiter.js';
import { extractSearchText } from '../../search/extractSearchText.js';
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
 * (WriteLimiter), so rooms waiting for the database hold no rendered text.
 */
export function searchTextIndexing(logger: Logger, delayMs = SEARCH_TEXT_DELAY_MS): CollabExtension {
  const stores = new WriteLimiter(MAX_STORES_IN_FLIGHT);
  const render = (room: Room) => {
    try {
      return extractSearchText(room.doc);
    } catch (error) {
      logger.warn({ err: error, documentId: room.documentId }, 'could not derive the search text');
      return null;
    }
  };
  const store = (room: Room, text: ReturnType<typeof extractSearchText> | null): Promise<void> =>
    text
      ? storeSearchText(room.documentId, text).catch((error: unknown) =>
          logger.warn({ err: error, documentId: room.documentId }, 'could not store the search text'),
        )
      : Promise.resolve();
  /** the text as it is when the store can start */
  const derive = (room: Room) => void stores.run(() => store(room, render(room)));
  const due = new KeyedDelay<Room, null>(delayMs, (room) => derive(room));
  return {
    name: 'search-text',
    onChange(room, change) {
      // (a change from another instance: that instance derives it)
      if (change.remote || room.state !== 'ready' || due.has(room)) return;
      due.set(room, null);
    },
    onUnload(room) {
      if (!due.take(room)) return;
      // the text as it is now: the room is destroyed next
      const text = render(room);
      void stores.run(() => store(room, text));
    },
  };
}
