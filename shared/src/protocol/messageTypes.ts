/**
 * Message types on the collaboration socket. 0–3 are y-websocket's; Accord's own start at 100.
 * The server sends Accord messages only to a connection that sent one first (ACCORD_HELLO or
 * ACCORD_SAVED), so a stock y-websocket client never receives a message it does not know.
 */
export const MessageType = {
  SYNC: 0,
  AWARENESS: 1,
  AUTH: 2,
  QUERY_AWARENESS: 3,
  /** client → server: "I speak Accord's messages; send me ACCORD_EVENTs" (payload: varUint version) */
  ACCORD_HELLO: 100,
  /**
   * Saved acknowledgement, both directions, payload: varUint n.
   * client → server: "tell me when everything I sent before this message is stored";
   * server → client: "everything you sent before your ACCORD_SAVED n is in the database".
   * Messages on one socket are ordered, so this covers insertions and deletions alike.
   */
  ACCORD_SAVED: 101,
  /** server → client: a JSON event about the document (members, comments, ...) */
  ACCORD_EVENT: 102,
} as const;

export type MessageTypeValue = (typeof MessageType)[keyof typeof MessageType];

export const ACCORD_PROTOCOL_VERSION = 1;
