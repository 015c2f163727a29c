import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { fragmentToJson, renderCanonical, type CanonicalDocument } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import type { DocumentRecord } from '../models/Document.js';
import type { CanonicalCache } from '../structure/CanonicalCache.js';
import { EDITOR_FIELD } from '../structure/encodeInitialState.js';

export interface ReadCanonicalDeps {
  logger: Logger;
  collab: CollabControl;
  cache: CanonicalCache;
}

/**
 * The canonical rendering (shared renderCanonical) of a document's CURRENT content: the live
 * room's state when it is open, else the stored state. Read with fragmentToJson, which never
 * changes the Y.Doc nor drops content; what does not fit the schema is in `problems` and logged
 * (once per state: the rendering is cached until the content changes).
 */
export function readCanonicalDocument(
  { logger, collab, cache }: ReadCanonicalDeps,
  document: DocumentRecord,
): Promise<CanonicalDocument> {
  const documentId = document._id.toHexString();
  return collab.withDocument(documentId, (doc) => {
    const fingerprint = `${document.language}:${fingerprintOf(doc)}`;
    const cached = cache.get(documentId, fingerprint);
    if (cached) return cached;
    const rendering = renderCanonical(fragmentToJson(doc, EDITOR_FIELD), document.language);
    if (rendering.problems.length > 0) {
      logger.warn(
        { documentId, problemCount: rendering.problems.length, problems: rendering.problems.slice(0, 10) },
        'stored document content does not fit the schema',
      );
    }
    cache.set(documentId, fingerprint, rendering);
    return rendering;
  });
}

function fingerprintOf(doc: Y.Doc): string {
  return createHash('sha256')
    .update(Y.encodeSnapshot(Y.snapshot(doc)))
    .digest('base64url');
}
