import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** the parsed state; null when the client left */
  state: Record<string, unknown> | null;
}

/**
 * Decodes a y-protocols awareness update (varUint count, then per client: varUint id, varUint
 * clock, varString JSON state). Throws on malformed bytes or JSON, and on states that are not
 * objects — so the server can check and rewrite entries before they reach its Awareness.
 * Throws AwarenessStateTooLarge for a state whose JSON is longer than `maxStateBytes`.
 */
export function decodeAwarenessUpdate(update: Uint8Array, maxStateBytes = Infinity): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    // measured before parsing: a state too large is refused without building it
    if (json.length > maxStateBytes || Buffer.byteLength(json) > maxStateBytes) {
      throw new AwarenessStateTooLarge();
    }
    const state: unknown = JSON.parse(json);
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new TypeError('awareness state is not an object');
    }
    entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
  }
  if (decoding.hasContent(decoder)) throw new TypeError('trailing bytes after awareness update');
  return entries;
}

export function encodeAwarenessUpdate(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

export class AwarenessStateTooLarge extends Error {
  constructor() {
    super('awareness state too large');
    this.name = 'AwarenessStateTooLarge';
  }
}
