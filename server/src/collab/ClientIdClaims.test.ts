import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@accord/shared';
import { CollabError } from './CollabError.js';
import {
  ClientIdClaims,
  MAX_CLAIMS_PER_CONNECTION,
  withoutClients,
  type ClaimStore,
} from './ClientIdClaims.js';

/** First insert wins, answered after a turn of the event loop (as a database would). */
function memoryStore(): ClaimStore & { calls: number } {
  const owners = new Map<string, string>();
  const store = async (documentId: string, clientId: number, userId: string) => {
    store.calls++;
    await new Promise((resolve) => setImmediate(resolve));
    const key = `${documentId}:${clientId}`;
    if (!owners.has(key)) owners.set(key, userId);
    return owners.get(key)!;
  };
  store.calls = 0;
  return store;
}

function typedUnder(clientId: number, text: string, base?: Y.Doc): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  doc.clientID = clientId;
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc, before);
}

const closeCodeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof CollabError ? error.closeCode : 'other';
  }
  return null;
};

describe('ClientIdClaims', () => {
  it('claims an id on first use, then answers from its cache; another user is refused', async () => {
    const store = memoryStore();
    const claims = new ClientIdClaims('d1', store);
    const doc = new Y.Doc();
    const update = Y.decodeUpdate(typedUnder(70_000, 'a'));
    const first = claims.check(doc, update, 'ana');
    expect(first).toEqual({ foreign: [], unclaimed: [70_000] });
    await claims.claim(1, (first as { unclaimed: number[] }).unclaimed, 'ana');
    expect(claims.check(doc, update, 'ana')).toBe('ok');
    expect(claims.check(doc, update, 'ben')).toEqual({ foreign: [70_000], unclaimed: [] });
    expect(store.calls).toBe(1);
  });

  it('lets one of two users claiming one id at once win, with one write', async () => {
    const store = memoryStore();
    const claims = new ClientIdClaims('d1', store);
    await Promise.all([claims.claim(1, [80_000], 'ana'), claims.claim(2, [80_000], 'ben')]);
    expect(store.calls).toBe(1);
    const update = Y.decodeUpdate(typedUnder(80_000, 'x'));
    expect(claims.check(new Y.Doc(), update, 'ana')).toBe('ok');
    expect(claims.check(new Y.Doc(), update, 'ben')).toEqual({ foreign: [80_000], unclaimed: [] });
  });

  it("refuses the server's ids, and claims nothing for content the document already has", () => {
    const claims = new ClientIdClaims('d1', memoryStore());
    const doc = new Y.Doc();
    expect(claims.check(doc, Y.decodeUpdate(typedUnder(5, 'x')), 'ana')).toEqual({
      foreign: [5],
      unclaimed: [],
    });
    const update = typedUnder(90_000, 'known');
    Y.applyUpdate(doc, update);
    expect(claims.check(doc, Y.decodeUpdate(update), 'ben')).toBe('ok');
  });

  it('leaves out content under other ids (a relayed catch-up), keeping the rest and the deletions', () => {
    const base = new Y.Doc();
    base.clientID = 70_000;
    base.getText('t').insert(0, 'ana ');
    const relay = new Y.Doc();
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(base));
    relay.clientID = 90_000;
    relay.getText('t').insert(4, 'ben');
    const stripped = Y.decodeUpdate(withoutClients(Y.encodeStateAsUpdate(relay), [70_000]));
    expect(new Set(stripped.structs.map((s) => s.id.client))).toEqual(new Set([90_000]));
  });

  it('bounds the ids one connection may claim', () => {
    const claims = new ClientIdClaims('d1', memoryStore());
    const ids = Array.from({ length: MAX_CLAIMS_PER_CONNECTION + 1 }, (_, i) => 100_000 + i);
    expect(closeCodeOf(() => claims.claim(1, ids, 'ana'))).toBe(CloseCode.CLIENT_ID_TAKEN);
  });
});
