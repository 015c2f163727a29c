import { z } from 'zod';
import type { PresentedOrganisation } from './presented.js';
import { objectId } from './documents.js';

/** `/api/documents/:id/clauses/:clauseId/authors`: the clause id in the path. */
export const clauseAuthorsParams = z.strictObject({
  id: objectId,
  clauseId: z.string().regex(/^[0-9A-Za-z]{10,32}$/, 'a clause id (10–32 letters and digits)'),
});

/**
 * Who wrote (or deleted) a passage: a member (by the Yjs client id their edits carry), the
 * server (text it carried along when a clause moved, or wrote itself), or nobody known (text
 * written before Accord recorded authorship, under an id no one has used since).
 */
export interface PresentedAuthor {
  kind: 'member' | 'server' | 'unknown';
  userId: string | null;
  name: string | null;
  organisation: PresentedOrganisation | null;
}

/** A run of text of one author; deleted text keeps its length only (the server keeps no copy). */
export interface PresentedPassage {
  /** null for deleted text */
  text: string | null;
  length: number;
  /** index into `authors` */
  author: number;
  /** index into `authors` of who deleted it (kind `unknown` when not recorded); null: not deleted */
  deletedBy: number | null;
}

export interface PresentedClauseAuthors {
  clauseId: string;
  authors: PresentedAuthor[];
  /** one list of passages per block of text of the clause (heading, paragraphs), in order */
  blocks: PresentedPassage[][];
  /** the clause has more passages than one answer lists */
  truncated: boolean;
}

/**
 * Who made the changes of a comparison (GET /compare, when `to` is later than `from`), by clause
 * id: indexes into `authors` of who wrote text that is new there and who deleted text (or the
 * whole clause) that was there.
 */
export interface PresentedChangeAuthors {
  authors: PresentedAuthor[];
  clauses: Record<string, { wrote: number[]; deleted: number[] }>;
}
