import mongoose from 'mongoose';
import {
  findMatches,
  searchNeedle,
  type SearchCommentHit,
  type SearchDocumentResult,
  type SearchResponse,
} from '@accord/shared';
import type { CollabControl } from '../collab/CollabControl.js';
import type { Logger } from '../logger.js';
import { DocumentText } from '../models/DocumentText.js';
import { listMyDocuments } from '../queries/listMyDocuments.js';
import { extractSearchText } from './extractSearchText.js';
import { searchComments } from './searchComments.js';
import { storeSearchText } from './storeSearchText.js';
import { textHits } from './textHits.js';
import type { TextSearchEngine } from './TextSearchEngine.js';

/** documents without a search text yet whose text one search derives (the rest: next time) */
const MAX_DERIVED_PER_SEARCH = 10;
/** documents (most recently changed first) whose comments one search reads */
const MAX_COMMENT_DOCUMENTS = 100;
const MAX_RESULTS = 50;
/** documents whose comments are read at once */
const COMMENT_READS_AT_ONCE = 8;

export interface SearchDeps {
  logger: Logger;
  collab: CollabControl;
  engine: TextSearchEngine;
}

/**
 * Searches the titles, text and visible comments of the documents `userId` is a member of (never
 * any other: every step starts from their memberships; deleted documents are left out, archived
 * ones flagged). Bounded: the text through the database (TextSearchEngine), comments of the most
 * recently changed documents only, at most MAX_RESULTS documents.
 */
export async function searchDocuments(
  deps: SearchDeps,
  userId: string,
  query: string,
): Promise<SearchResponse> {
  const mine = (await listMyDocuments(userId)).sort(
    (a, b) => b.document.updatedAt.getTime() - a.document.updatedAt.getTime(),
  );
  const needle = searchNeedle(query);
  const ids = mine.map((m) => m.document._id);
  let truncated = await deriveMissing(
    deps,
    ids.map((id) => id.toHexString()),
  );

  const engine = await deps.engine.engine();
  const candidates = new Set(await deps.engine.candidates(ids, needle));
  const texts = new Map(
    (candidates.size === 0
      ? []
      : await DocumentText.find({ _id: mongoose.trusted({ $in: [...candidates] }) }, { pieces: 1 }).lean()
    ).map((row) => [row._id.toHexString(), row.pieces]),
  );

  // a few documents' comments at a time: a first read loads each document's comments once
  const commentHits = new Map<string, SearchCommentHit[]>();
  const withComments = mine.slice(0, MAX_COMMENT_DOCUMENTS);
  for (let i = 0; i < withComments.length; i += COMMENT_READS_AT_ONCE) {
    await Promise.all(
      withComments.slice(i, i + COMMENT_READS_AT_ONCE).map(async ({ document, role }) => {
        const id = document._id.toHexString();
        commentHits.set(id, (await searchComments(id, { userId, role }, query)).hits);
      }),
    );
  }

  const results: SearchDocumentResult[] = [];
  for (const { document } of mine) {
    const id = document._id.toHexString();
    const [titleMatch] = findMatches(document.title, query, 1);
    const text = textHits(texts.get(id) ?? [], query);
    const comments = { hits: commentHits.get(id) ?? [] };
    if (!titleMatch && text.hits.length === 0 && comments.hits.length === 0) continue;
    if (results.length === MAX_RESULTS) {
      truncated = true;
      break;
    }
    results.push({
      id,
      title: document.title,
      archived: Boolean(document.archivedAt),
      titleMatch: titleMatch ?? null,
      textHits: text.hits,
      commentHits: comments.hits,
      moreText: text.more,
    });
  }
  if (mine.length > MAX_COMMENT_DOCUMENTS) truncated = true;
  return { query, results, engine, truncated };
}

/**
 * Documents that have no search text yet (written before search existed, or never opened since
 * they were imported or duplicated): derives it from their current state, a few per search.
 * True when some are left for later searches.
 */
async function deriveMissing(deps: SearchDeps, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const known = await DocumentText.find({ _id: mongoose.trusted({ $in: ids }) }, { _id: 1 }).lean();
  const have = new Set(known.map((row) => row._id.toHexString()));
  const missing = ids.filter((id) => !have.has(id));
  for (const id of missing.slice(0, MAX_DERIVED_PER_SEARCH)) {
    try {
      const text = await deps.collab.withDocument(id, extractSearchText);
      await storeSearchText(id, text);
    } catch (error) {
      deps.logger.warn({ err: error, documentId: id }, 'could not derive the search text');
    }
  }
  return missing.length > MAX_DERIVED_PER_SEARCH;
}
