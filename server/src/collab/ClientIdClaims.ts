import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { CloseCode, isServerClientId } from '@accord/shared';
import { CollabError } from './CollabError.js';

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/** Records the first claim of a client id in a document; answers the user who holds it. */
export type ClaimStore = (documentId: string, clientId: number, userId: string) => Promise<string>;

/** how many client ids one connection may claim (an editor uses one per page load) */
export const MAX_CLAIMS_PER_CONNECTION = 32;

/**
 * `ok`: every client id the update writes under is the user's; otherwise the ids that belong to
 * another user or to the server (`foreign`), and those not known to be anyone's yet
 * (`unclaimed`: claim them first, then check again).
 */
export type ClaimVerdict = 'ok' | { foreign: number[]; unclaimed: number[] };

/**
 * Which user may write content under which Yjs client id in one document. The first update that
 * writes under an id claims it for its user (an insert under a unique key: the database decides
 * between two users, or two server processes, claiming at once); later content under that id from
 * anyone else is refused (CLIENT_ID_TAKEN) before it is applied, stored or sent on. Claims never
 * change, so the room caches them: a keystroke is a map lookup, and only an id's first use waits
 * for the database. The server's own ids (SERVER_CLIENT_IDS) are never a client's.
 *
 * Ids already in a document from before claims existed are unclaimed until one is used again.
 */
export class ClientIdClaims {
  private readonly owners = new Map<number, string>();
  private inFlight: Map<number, Promise<void>> | null = null;
  /** ids each connection has asked to claim, by connection id */
  private readonly claimsBy = new Map<number, number>();

  constructor(
    private readonly documentId: string,
    private readonly store: ClaimStore,
  ) {}

  /** The user holding a client id, as far as this room knows. */
  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId);
  }

  /** Sorts the client ids of the content an update adds by whose they are. */
  check(doc: Y.Doc, decoded: Decoded, userId: string): ClaimVerdict {
    const foreign: number[] = [];
    const unclaimed: number[] = [];
    for (const clientId of writtenClientIds(doc, decoded)) {
      const owner = isServerClientId(clientId) ? null : this.owners.get(clientId);
      if (owner === userId) continue;
      if (owner === undefined) unclaimed.push(clientId);
      else foreign.push(clientId);
    }
    return foreign.length === 0 && unclaimed.length === 0 ? 'ok' : { foreign, unclaimed };
  }

  /**
   * Claims ids for a user, or learns who has them. Settles once every id has an owner here;
   * rejects when the database cannot say (the update is then not applied).
   */
  claim(connectionId: number, clientIds: number[], userId: string): Promise<void> {
    const count = (this.claimsBy.get(connectionId) ?? 0) + clientIds.length;
    if (count > MAX_CLAIMS_PER_CONNECTION) {
      throw new CollabError(CloseCode.CLIENT_ID_TAKEN, 'too many client ids from one connection');
    }
    this.claimsBy.set(connectionId, count);
    return Promise.all(clientIds.map((clientId) => this.claimOne(clientId, userId))).then(() => {});
  }

  /** Throws CLIENT_ID_TAKEN naming the first foreign id. */
  static refuse(foreign: number[]): never {
    const id = foreign[0]!;
    throw new CollabError(
      CloseCode.CLIENT_ID_TAKEN,
      isServerClientId(id) ? `client id ${id} is the server's` : `client id ${id} belongs to another user`,
    );
  }

  /** Whether some claims are being recorded. */
  get busy(): boolean {
    return this.inFlight !== null;
  }

  /** Settles once the claims being recorded are (or failed). */
  async settled(): Promise<void> {
    if (this.inFlight) await Promise.allSettled(this.inFlight.values());
  }

  /** A connection closed: its count of claims is forgotten (its claims stay). */
  forgetConnection(connectionId: number): void {
    this.claimsBy.delete(connectionId);
  }

  private claimOne(clientId: number, userId: string): Promise<void> {
    if (this.owners.has(clientId)) return Promise.resolve();
    let claiming = this.inFlight?.get(clientId);
    if (!claiming) {
      claiming = this.store(this.documentId, clientId, userId)
        .then((owner) => {
          this.owners.set(clientId, owner);
        })
        .finally(() => {
          this.inFlight?.delete(clientId);
          if (this.inFlight?.size === 0) this.inFlight = null;
        });
      (this.inFlight ??= new Map()).set(clientId, claiming);
    }
    return claiming;
  }
}

/**
 * The client ids under which an update adds content the document does not have yet (content the
 * document already has is not applied again, so it claims nothing).
 */
export function writtenClientIds(doc: Y.Doc, decoded: Decoded): Set<number> {
  const ids = new Set<number>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const client = struct.id.client;
    if (ids.has(client)) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, client)) ids.add(client);
  }
  return ids;
}

/**
 * The update without the content it carries under these client ids (its deletions stay): what a
 * reconnecting client relays of other members' content is left to their own clients to send.
 */
export function withoutClients(update: Uint8Array, clientIds: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clientIds.length);
  for (const clientId of clientIds) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, Number.MAX_SAFE_INTEGER);
  }
  return Y.diffUpdate(update, encoding.toUint8Array(encoder));
}
