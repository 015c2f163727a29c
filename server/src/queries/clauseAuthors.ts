import mongoose, { Types } from 'mongoose';
import {
  isServerClientId,
  type PresentedAuthor,
  type PresentedClauseAuthors,
  type PresentedPassage,
} from '@accord/shared';
import type { CollabControl } from '../collab/CollabControl.js';
import { ClientIdClaim, clientIdClaimKey } from '../models/ClientIdClaim.js';
import { DocDeletion } from '../models/DocDeletion.js';
import { Organisation } from '../models/Organisation.js';
import { User } from '../models/User.js';
import { presentOrganisation } from '../presenters/presentOrganisation.js';
import { EDITOR_FIELD } from '../structure/encodeInitialState.js';
import { clauseTextRuns, type TextRun } from './clauseTextRuns.js';

/** passages one answer lists at most (a long clause edited by many hands is cut there) */
const MAX_PASSAGES = 5000;
const SERVER = 'server';
const UNKNOWN = 'unknown';

interface Deletion {
  clock: number;
  end: number;
  userId: string;
}

/**
 * Who wrote and who deleted each passage of a clause: the writer from the claim of the client id
 * the text was written under (client_ids), the deleter from the deletions recorded with each
 * accepted update (doc_deletions). Null when the document has no such clause.
 */
export async function clauseAuthors(
  collab: CollabControl,
  documentId: string,
  clauseId: string,
): Promise<PresentedClauseAuthors | null> {
  const blocks = await collab.withDocument(documentId, (doc) => clauseTextRuns(doc, EDITOR_FIELD, clauseId));
  if (!blocks) return null;
  const runs = blocks.flat();
  const clients = new Set(runs.filter((r) => !isServerClientId(r.client)).map((r) => r.client));
  const claims = await ClientIdClaim.find(
    { _id: mongoose.trusted({ $in: [...clients].map((c) => clientIdClaimKey(documentId, c)) }) },
    { clientId: 1, userId: 1 },
  ).lean();
  const owners = new Map(claims.map((c) => [c.clientId, c.userId.toHexString()]));
  const deletions = await deletionsOf(
    documentId,
    new Set(runs.filter((r) => r.text === null).map((r) => r.client)),
  );

  const keys: string[] = [];
  const indexOf = (key: string) => {
    const index = keys.indexOf(key);
    return index >= 0 ? index : keys.push(key) - 1;
  };
  const writer = (client: number) =>
    indexOf(isServerClientId(client) ? SERVER : (owners.get(client) ?? UNKNOWN));

  let count = 0;
  const presented: PresentedPassage[][] = [];
  for (const block of blocks) {
    const passages: PresentedPassage[] = [];
    for (const run of block) {
      for (const part of split(run, deletions.get(run.client) ?? [])) {
        const author = writer(run.client);
        const deletedBy = run.text === null ? indexOf(part.deleter ?? UNKNOWN) : null;
        const last = passages[passages.length - 1];
        if (last && last.author === author && last.deletedBy === deletedBy) {
          last.length += part.length;
          if (last.text !== null && part.text !== null) last.text += part.text;
        } else {
          passages.push({ text: part.text, length: part.length, author, deletedBy });
          count++;
        }
      }
    }
    presented.push(passages);
    if (count > MAX_PASSAGES) break;
  }
  return {
    clauseId,
    authors: await presentAuthors(keys),
    blocks: presented,
    truncated: count > MAX_PASSAGES || presented.length < blocks.length,
  };
}

/** A run cut where different users deleted parts of it (deleted runs only). */
function split(
  run: TextRun,
  recorded: Deletion[],
): { text: string | null; length: number; deleter?: string }[] {
  if (run.text !== null) return [{ text: run.text, length: run.length }];
  const parts: { text: null; length: number; deleter?: string }[] = [];
  const end = run.clock + run.length;
  let at = run.clock;
  for (const d of recorded) {
    if (d.end <= at || d.clock >= end) continue;
    if (d.clock > at) parts.push({ text: null, length: d.clock - at });
    const to = Math.min(end, d.end);
    parts.push({ text: null, length: to - Math.max(at, d.clock), deleter: d.userId });
    at = to;
    if (at >= end) break;
  }
  if (at < end) parts.push({ text: null, length: end - at });
  return parts;
}

/** The recorded deletions of content written under these client ids, by client, by clock. */
async function deletionsOf(documentId: string, clients: Set<number>): Promise<Map<number, Deletion[]>> {
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

async function presentAuthors(keys: string[]): Promise<PresentedAuthor[]> {
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
