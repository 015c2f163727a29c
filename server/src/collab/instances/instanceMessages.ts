import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/** What instances of Accord tell each other about one document, over Redis (see RedisFanout). */
export const InstanceMessage = {
  /** an update one of its clients (or the server) made */
  UPDATE: 0,
  /** awareness states of its clients (added, updated or removed) */
  AWARENESS: 1,
  /** its state vector and a digest of its deletions: whoever has more answers with DIFF */
  STATE: 2,
  /** STATE, as an answer (not answered again) */
  STATE_REPLY: 3,
  /** what the asker lacks (an update from its state vector) */
  DIFF: 4,
  /** asks every instance for its clients' awareness states */
  AWARENESS_QUERY: 5,
} as const;

export interface DecodedInstanceMessage {
  from: string;
  type: number;
  payload: Uint8Array;
  /** STATE: the digest of the sender's deletions */
  digest: string;
  /**
   * UPDATE, DIFF: the sender's persistence sequence number that covers it: once the sender says
   * it stored through it, the receivers need not keep it (RedisFanout stores it if the sender dies)
   */
  seq: number;
}

export function encodeInstanceMessage(
  from: string,
  type: number,
  payload: Uint8Array = new Uint8Array(),
  digest = '',
  seq = 0,
): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, from);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  encoding.writeVarString(encoder, digest);
  encoding.writeVarUint(encoder, seq);
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** Null for anything that does not decode (another program on the same channel). */
export function decodeInstanceMessage(message: Uint8Array): DecodedInstanceMessage | null {
  try {
    const decoder = decoding.createDecoder(message);
    const from = decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    const digest = decoding.readVarString(decoder);
    const seq = decoding.readVarUint(decoder);
    return { from, type, payload, digest, seq };
  } catch {
    return null;
  }
}
