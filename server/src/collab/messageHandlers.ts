import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, MessageType, encodeSaved, readHello, readSaved } from '@accord/shared';
import type { Connection } from './Connection.js';
import type { Room } from './Room.js';
import type { Extensions } from './Extensions.js';
import type { PersistenceQueue } from './PersistenceQueue.js';
import { CollabError } from './CollabError.js';
import { AwarenessStateTooLarge, decodeAwarenessUpdate, encodeAwarenessUpdate } from './awarenessUpdate.js';

export interface HandlerContext {
  room: Room;
  conn: Connection;
  queue: PersistenceQueue;
  extensions: Extensions;
  /** holds the connection's messages until `until` settles, then handles this one again */
  hold: (until: Promise<void>) => void;
}

type Handler = (ctx: HandlerContext, decoder: decoding.Decoder) => void;

function handleSync({ room, conn, hold, extensions }: HandlerContext, decoder: decoding.Decoder): void {
  const step = decoding.readVarUint(decoder);
  switch (step) {
    case syncProtocol.messageYjsSyncStep1: {
      conn.send(room.syncStep2Message(decoding.readVarUint8Array(decoder)));
      return;
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      const update = decoding.readVarUint8Array(decoder);
      // read-only members, and everyone an extension refuses (the workflow locks the text):
      // their document changes are dropped, never stored or broadcast
      if (!conn.canWrite || !extensions.mayApply(room, conn)) return;
      const claiming = room.applyClientUpdate(
        conn,
        update,
        step === syncProtocol.messageYjsUpdate ? 'update' : 'sync-step-2',
      );
      if (claiming) hold(claiming);
      return;
    }
    default:
      throw new CollabError(CloseCode.MALFORMED_MESSAGE, `unknown sync step ${step}`);
  }
}

function handleAwareness({ room, conn }: HandlerContext, decoder: decoding.Decoder): void {
  let entries;
  try {
    entries = decodeAwarenessUpdate(decoding.readVarUint8Array(decoder), room.maxAwarenessStateBytes);
  } catch (error) {
    if (error instanceof AwarenessStateTooLarge) {
      throw new CollabError(CloseCode.AWARENESS_TOO_LARGE, 'awareness state too large');
    }
    throw error;
  }
  for (const entry of entries) {
    if (conn.clientId === null) {
      const taken = [...room.connections].some((c) => c !== conn && c.clientId === entry.clientId);
      if (taken) return;
      conn.clientId = entry.clientId;
    }
    // a connection speaks only for the client id it announced first
    if (entry.clientId !== conn.clientId) return;
    // name and colour come from the session, whatever the client claims
    if (entry.state) {
      entry.state.user = { id: conn.user.id, name: conn.user.name, color: conn.user.colour };
    }
  }
  awarenessProtocol.applyAwarenessUpdate(room.awareness, encodeAwarenessUpdate(entries), conn);
}

function handleQueryAwareness({ room, conn }: HandlerContext): void {
  // each answer carries every client's state: a flood of one-byte queries would multiply them
  if (!conn.takeAwarenessQueryToken()) {
    throw new CollabError(CloseCode.RATE_LIMITED, 'too many awareness queries');
  }
  const everyone = room.presence.everyone(conn);
  if (everyone) conn.send(everyone);
}

function handleHello({ conn }: HandlerContext, decoder: decoding.Decoder): void {
  readHello(decoder);
  conn.speaksAccord = true;
}

function handleSaved({ room, conn, queue }: HandlerContext, decoder: decoding.Decoder): void {
  const n = readSaved(decoder);
  conn.speaksAccord = true;
  const answer = () => conn.send(encodeSaved(n));
  const answerOnceStored = () => {
    const needed = conn.lastQueuedSeq;
    if (needed <= queue.storedThrough) answer();
    else void queue.whenStored(needed).then(answer);
  };
  // an update still waiting for content the server lacks is not saved yet
  if (room.hasPending(conn)) void room.whenApplied(conn).then(answerOnceStored);
  else answerOnceStored();
}

/** y-websocket's authentication message: Accord authenticates with the session cookie instead. */
function ignore(): void {}

/** Every message type the collaboration endpoint understands; anything else is malformed. */
export const messageHandlers: ReadonlyMap<number, Handler> = new Map<number, Handler>([
  [MessageType.SYNC, handleSync],
  [MessageType.AWARENESS, handleAwareness],
  [MessageType.AUTH, ignore],
  [MessageType.QUERY_AWARENESS, handleQueryAwareness],
  [MessageType.ACCORD_HELLO, handleHello],
  [MessageType.ACCORD_SAVED, handleSaved],
]);

/**
 * The checks every message passes before it is kept or handled: binary, not too large, within
 * the connection's rate. Throws CollabError for one it refuses.
 */
export function checkMessage(
  conn: Connection,
  message: Uint8Array | null,
  maxPayloadBytes: number,
): Uint8Array {
  if (message === null)
    throw new CollabError(CloseCode.MALFORMED_MESSAGE, 'text frames are not part of the protocol');
  if (message.byteLength > maxPayloadBytes)
    throw new CollabError(CloseCode.MESSAGE_TOO_LARGE, 'message too large');
  if (!conn.takeMessageToken()) throw new CollabError(CloseCode.RATE_LIMITED, 'too many messages');
  return message;
}

/** Decodes one message and runs its handler; throws CollabError for anything it refuses. */
export function dispatchMessage(ctx: HandlerContext, message: Uint8Array): void {
  let handler: Handler | undefined;
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    handler = messageHandlers.get(type);
    if (!handler) throw new CollabError(CloseCode.MALFORMED_MESSAGE, `unknown message type ${type}`);
    handler(ctx, decoder);
  } catch (error) {
    if (error instanceof CollabError) throw error;
    throw new CollabError(CloseCode.MALFORMED_MESSAGE, 'malformed message');
  }
}
