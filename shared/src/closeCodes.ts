/**
 * WebSocket close codes of the collaboration endpoint, in the range RFC 6455 leaves to
 * applications. The stock y-websocket client (3.x) does not reconnect after 4400–4499 and retries
 * everything else, so: 44xx = reconnecting cannot help; 45xx = try again later. The last digits
 * echo the nearest HTTP status so logs read naturally.
 */
export const CloseCode = {
  /** A message could not be decoded (bad varint, truncated update, unknown message type). */
  MALFORMED_MESSAGE: 4400,
  /** The session ended (logout) or is not valid. */
  UNAUTHENTICATED: 4401,
  /** The user lost access to the document (membership removed). */
  FORBIDDEN: 4403,
  /**
   * The update carries content under a Yjs client id that belongs to another user of the document
   * (or to the server), or under more client ids than one connection may claim: nothing of it was
   * applied, stored or sent on.
   */
  CLIENT_ID_TAKEN: 4409,
  /** A message was larger than the maximum message size (COLLAB_MAX_PAYLOAD_BYTES). */
  MESSAGE_TOO_LARGE: 4413,
  /** Applying the update would make the document larger than allowed. */
  DOCUMENT_TOO_LARGE: 4414,
  /**
   * The connection's updates that wait for content the server never received (they cannot be
   * applied yet) passed the limit (COLLAB_MAX_PENDING_BYTES).
   */
  PENDING_TOO_LARGE: 4415,
  /**
   * The update would leave the document invalid for the editor schema (content of the wrong kind,
   * an unknown shared type, node, mark or attribute, nesting too deep); nothing of it was applied.
   */
  INVALID_DOCUMENT: 4422,
  /** One client's awareness state (cursor, name) was larger than allowed. */
  AWARENESS_TOO_LARGE: 4431,
  /** The client speaks a document schema version this server does not know: reload the page. */
  UNSUPPORTED_SCHEMA_VERSION: 4426,
  /** The document could not be loaded from the database; nothing was stored. */
  LOAD_FAILED: 4500,
  /** The server is shutting down after storing every document; reconnect later. */
  SHUTTING_DOWN: 4503,
  /** The connection did not read what it was sent: its send backlog passed the limit. */
  SEND_BACKLOG_FULL: 4507,
  /** The connection sent more than allowed (in bytes) while the document was loading. */
  LOADING_BUFFER_FULL: 4508,
  /** The connection sent more messages per second than allowed. */
  RATE_LIMITED: 4529,
  /** The user or the document already has the maximum number of connections. */
  TOO_MANY_CONNECTIONS: 4530,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

const NAMES = new Map<number, CloseCodeName>(
  Object.entries(CloseCode).map(([name, code]) => [code, name as CloseCodeName]),
);

/** The name of an Accord close code, or undefined for codes that are not Accord's. */
export function closeCodeName(code: number): CloseCodeName | undefined {
  return NAMES.get(code);
}

/** Whether a client should reconnect after this close code (same rule as y-websocket 3). */
export function closeCodeIsTransient(code: number): boolean {
  return !(code >= 4400 && code < 4500);
}
