import type * as Y from 'yjs';
import type { AccordEvent, Role } from '@accord/shared';
import type { EventAudience } from './EventAudience.js';

/**
 * What the rest of the server may ask of the collaboration endpoint. REST commands call it after
 * they change something that open collaboration sockets must know about.
 */
export interface CollabControl {
  /** Closes every collaboration socket of this user (logout, account removal). */
  disconnectUser(userId: string): void;
  /**
   * The user's role on the document changed; `null` means the membership was removed. Open sockets
   * become read-only, writable, or are closed with FORBIDDEN accordingly.
   */
  membershipChanged(documentId: string, userId: string, role: Role | null): void;
  /**
   * Sends an ACCORD_EVENT to each connection of the document that said ACCORD_HELLO and whose
   * user is in `audience` (checked per recipient, on every instance).
   */
  broadcastEvent(documentId: string, event: AccordEvent, audience?: EventAudience): void;
  /**
   * Sends an event to the user's own live channels (GET /api/events, every tab, on every
   * instance): news that concerns them wherever they are, such as an invitation.
   */
  sendToUser(userId: string, event: AccordEvent): void;
  /**
   * Runs `read` on the document's current Yjs state: the open room's live Y.Doc when the document
   * is open (so REST sees what collaborators see), else the state loaded from the database.
   * `read` must not modify the document nor keep a reference to it after returning.
   */
  withDocument<T>(documentId: string, read: (doc: Y.Doc) => T): Promise<T>;
  /**
   * Sets the text of the document's title node (a rename through the API), stored and sent to
   * every open editor like a collaborator's change.
   */
  setTitle(documentId: string, title: string): Promise<void>;
  /**
   * Makes a server-side change to the document (open or not), stored and sent to every open
   * editor like a collaborator's change (a version restored through the API).
   */
  changeDocument(documentId: string, change: (doc: Y.Doc) => void): Promise<void>;
  /** The workflow locked or unlocked the text: open sockets' document updates are dropped or taken. */
  setTextLocked(documentId: string, locked: boolean): void;
  /** The link to the other instances: none configured, up, or down (this one serves alone). */
  redisStatus(): 'off' | 'up' | 'down';
}
