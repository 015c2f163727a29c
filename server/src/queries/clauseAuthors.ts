import type { PresentedClauseAuthors, PresentedPassage } from '@accord/shared';
import type { CollabControl } from '../collab/CollabControl.js';
import { EDITOR_FIELD } from '../structure/encodeInitialState.js';
import {
  authorIndex,
  type Deletion,
  deletionsOf,
  ownersOf,
  presentAuthors,
  UNKNOWN,
  writerKey,
} from './authorship.js';
import { clauseTextRuns, type TextRun } from './clauseTextRuns.js';

/** passages one answer lists at most (a long clause edited by many hands is cut there) */
const MAX_PASSAGES = 5000;

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
  const owners = await ownersOf(documentId, new Set(runs.map((r) => r.client)));
  const deletions = await deletionsOf(
    documentId,
    new Set(runs.filter((r) => r.text === null).map((r) => r.client)),
  );

  const { keys, indexOf } = authorIndex();
  const writer = (client: number) => indexOf(writerKey(owners, client));

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
