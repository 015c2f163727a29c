import type { CollabExtension } from '../CollabExtension.js';
import type { Room } from '../Room.js';
import { readTitle } from '../documentTitle.js';

/** how long the title may be typed in before the document's name follows it */
const TITLE_DELAY_MS = 1000;

interface Watch {
  /** the title last reported (or read at load) */
  last: string | null;
  timer?: NodeJS.Timeout;
}

/**
 * The document's name follows the text of its title node: a second after the title was last
 * changed, `onTitleChange` hears of the new title (not of every keystroke).
 */
export function titleFollowing(
  onTitleChange: (documentId: string, title: string) => void,
  delayMs = TITLE_DELAY_MS,
): CollabExtension {
  const watches = new WeakMap<Room, Watch>();
  const check = (room: Room, watch: Watch): void => {
    watch.timer = undefined;
    if (room.state !== 'ready') return;
    const title = safely(() => readTitle(room.doc))?.trim();
    if (!title || title === watch.last) return;
    watch.last = title;
    onTitleChange(room.documentId, title);
  };
  return {
    name: 'title-following',
    afterLoad(room) {
      watches.set(room, { last: safely(() => readTitle(room.doc)) });
    },
    onChange(room, change) {
      // (a change from another instance: that instance follows it)
      if (change.remote) return;
      const watch = watches.get(room);
      if (watch) watch.timer ??= setTimeout(() => check(room, watch), delayMs);
    },
    onUnload(room) {
      clearTimeout(watches.get(room)?.timer);
      watches.delete(room);
    },
  };
}

/** Reading the editor's structure fails when a raw Yjs client made `default` another type. */
function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
