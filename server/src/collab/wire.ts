import type * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '@accord/shared';

/**
 * The messages the collaboration server sends, encoded with y-protocols' writers: pure functions
 * of what they carry (Accord's own messages are in shared/src/protocol).
 */

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: the document's state vector (the server's greeting). */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  return message(MessageType.SYNC, (encoder) => syncProtocol.writeSyncStep1(encoder, doc));
}

/** Sync step 2 carrying an update already encoded (the answer to a step 1). */
export function syncStep2Message(update: Uint8Array): Uint8Array {
  return message(MessageType.SYNC, (encoder) => {
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, update);
  });
}

/** A document update. */
export function updateMessage(update: Uint8Array): Uint8Array {
  return message(MessageType.SYNC, (encoder) => syncProtocol.writeUpdate(encoder, update));
}

/** The awareness states of `clients` (a removed client is sent as removed). */
export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return message(MessageType.AWARENESS, (encoder) =>
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients)),
  );
}

/** An awareness update already encoded (the names-only states for low-data connections). */
export function awarenessUpdateMessage(update: Uint8Array): Uint8Array {
  return message(MessageType.AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, update));
}
