import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { AccordEvent } from '../events/AccordEvent.js';
import { MessageType } from './messageTypes.js';

/** Pure encoders and decoders of Accord's own collaboration messages (see MessageType). */

export function encodeHello(version: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.ACCORD_HELLO);
  encoding.writeVarUint(encoder, version);
  return encoding.toUint8Array(encoder);
}

/** Client: "ack `n` once what I sent before is stored"; server: "stored up to your `n`". */
export function encodeSaved(n: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.ACCORD_SAVED);
  encoding.writeVarUint(encoder, n);
  return encoding.toUint8Array(encoder);
}

export function encodeEvent(event: AccordEvent): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.ACCORD_EVENT);
  encoding.writeVarString(encoder, JSON.stringify(event));
  return encoding.toUint8Array(encoder);
}

/** Readers take a decoder positioned after the message type. */
export function readHello(decoder: decoding.Decoder): number {
  return decoding.readVarUint(decoder);
}

export function readSaved(decoder: decoding.Decoder): number {
  return decoding.readVarUint(decoder);
}

export function readEvent(decoder: decoding.Decoder): unknown {
  return JSON.parse(decoding.readVarString(decoder));
}
