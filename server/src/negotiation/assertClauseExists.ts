import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import type { DocumentRecord } from '../models/Document.js';
import { readCanonicalDocument } from '../queries/readCanonicalDocument.js';
import type { CanonicalCache } from '../structure/CanonicalCache.js';
import { UnknownClause } from '../errors/UnknownClause.js';

/** Throws 400 unknown_clause unless the document's current text has the clause. */
export async function assertClauseExists(
  deps: { logger: Logger; collab: CollabControl; cache: CanonicalCache },
  document: DocumentRecord,
  clauseId: string,
): Promise<void> {
  const rendering = await readCanonicalDocument(deps, document);
  if (!rendering.clauses.some((clause) => clause.clauseId === clauseId)) throw new UnknownClause(clauseId);
}
