import mongoose, { Types } from 'mongoose';
import { isServerClientId, type PresentedAuthor } from '@accord/shared';
import { ClientIdClaim, clientIdClaimKey } from '../models/ClientIdClaim.js';
import { DocDeletion } from '../models/DocDeletion.js';
import { Organisation } from '../models/Organisation.js';
import { User } from '../models/User.js';
import { presentOrganisation } from '../presenters/presentOrganisation.js';

// Who wrote and who deleted content of a document, from the claims of Yjs client ids (client_ids)
// and the deletions recorded with each accepted update (doc_deletions). Authors are keyed by user
// id, or SERVER (the server's own ids: text it carried, e.g. after a move) or UNKNOWN (ids written
// before the claims existed, or deletions not recorded).

export const SERVER = 'server';
export const UNKNOWN = 'unknown';

export interface Deletion {
  clock: number;
  end: number;
  userId: string;
}

/** Author keys numbered in the order they first come: `keys[i]` is the author of index i. */
export function authorIndex(): { keys: string[]; indexOf: (key: string) => number } {
  const keys: string[] = [];
  const indexOf = (key: string) => {
    const index = keys.indexOf(key);
    return index >= 0 ? index : keys.push(key) - 1;
  };
  return { keys, indexOf };
}

/** The user (id) each of these client ids belongs to in the document, where claimed. */
export async function ownersOf(documentId: string, clients: Set<number>): Promise<Map<number, string>> {
  const claimed = [...clients].filter((c) => !isServerClientId(c));
  if (claimed.length === 0) return new Map();
  const claims = await ClientIdClaim.find(
    { _id: mongoose.trusted({ $in: claimed.map((c) => clientIdClaimKey(documentId, c)) }) },
    { clientId: 1, userId: 1 },
  ).lean();
  return new Map(claims.map((c) => [c.clientId, c.userId.toHexString()]));
}

/** The author key of content written under `client`. */
export function writerKey(owners: Map<number, string>, client: number): string {
  return isServerClientId(client) ? SERVER : (owners.get(client) ?? UNKNOWN);
}

/** Who first deleted the character at `clock` (of the client whose deletions `recorded` are). */
export function deleterOf(recorded: Deletion[] | undefined, clock: number): string {
  return recorded?.find((d) => d.clock <= clock && clock < d.end)?.userId ?? UNKNOWN;
}

/** The recorded deletions of content written under these client ids, by client, by clock. */
export async function deletionsOf(
  documentId: string,
  clients: Set<number>,
): Promise<Map<number, Deletion[]>> {
  const byClient = new Map<number, Deletion[]>();
  if (clients.size === 0) return byClient;
  const records = await DocDeletion.find(
    { documentId: new Types.ObjectId(documentId) },
    { userId: 1, ranges: 1 },
  )
    .sort({ at: 1 })
    .lean();
  for (const record of records) {
    const userId = record.userId.toHexString();
    for (let i = 0; i + 2 < record.ranges.length; i += 3) {
      const client = record.ranges[i]!;
      if (!clients.has(client)) continue;
      const clock = record.ranges[i + 1]!;
      let list = byClient.get(client);
      if (!list) byClient.set(client, (list = []));
      // the first deletion of a character is the one that counts
      list.push({ clock, end: clock + record.ranges[i + 2]!, userId });
    }
  }
  for (const list of byClient.values()) list.sort((a, b) => a.clock - b.clock);
  return byClient;
}

export async function presentAuthors(keys: string[]): Promise<PresentedAuthor[]> {
  const userIds = keys.filter((k) => k !== SERVER && k !== UNKNOWN);
  const users = await User.find(
    { _id: mongoose.trusted({ $in: userIds }) },
    { name: 1, organisationId: 1 },
  ).lean();
  const organisationIds = users.flatMap((u) => (u.organisationId ? [u.organisationId] : []));
  const organisations = await Organisation.find({ _id: mongoose.trusted({ $in: organisationIds }) }).lean();
  return keys.map((key): PresentedAuthor => {
    if (key === SERVER || key === UNKNOWN) return { kind: key, userId: null, name: null, organisation: null };
    const user = users.find((u) => u._id.toHexString() === key);
    const organisation = organisations.find((o) => user?.organisationId?.equals(o._id));
    return {
      kind: 'member',
      userId: key,
      name: user?.name ?? null,
      organisation: presentOrganisation(organisation),
    };
  });
}
