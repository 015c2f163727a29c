import type { DocumentRecord } from '../models/Document.js';
import type { DispositionReport } from '../exports/dispositions/DispositionReport.js';
import { buildDispositionReport } from '../exports/dispositions/buildDispositionReport.js';
import { EXPORT_LABELS } from '../exports/exportLabels.js';
import { commentCache } from '../comments/CommentCache.js';
import { resolveThreadAnchors } from '../comments/resolveThreadAnchors.js';
import { canSeeThread, threadAudience, type CommentViewer } from '../permissions/commentPermissions.js';
import { canonicalOf, type TextSource } from './exportSource.js';
import { readCanonicalDocument, type ReadCanonicalDeps } from './readCanonicalDocument.js';

/**
 * The disposition-of-comments report of a version (or of the live text) for one reader: every
 * thread of the document they may see (team-only threads only for the drafting team, as in the
 * sidebar), with its clause in that version and in the live text. 404 for an unknown version.
 */
export async function dispositionReport(
  deps: ReadCanonicalDeps,
  document: DocumentRecord,
  viewer: CommentViewer,
  source: TextSource,
): Promise<DispositionReport> {
  const documentId = document._id.toHexString();
  const frozen = await canonicalOf(deps, document, source);
  const now = source === 'live' ? frozen.canonical : await readCanonicalDocument(deps, document);
  const { version, threads: all } = await commentCache.threads(documentId);
  // resolved for all threads, as the sidebar does, so both share the memoised anchors
  const anchors = await resolveThreadAnchors(deps.collab, documentId, document.language, all, version);
  const labels = EXPORT_LABELS[document.language] ?? EXPORT_LABELS.en;
  return buildDispositionReport({
    documentId,
    language: document.language,
    version: {
      label: frozen.number === null ? labels.liveText : `${labels.version} ${frozen.number}`,
      number: frozen.number,
      date: frozen.date,
      hash: frozen.hash,
    },
    versionText: frozen.canonical,
    liveText: now,
    threads: all
      .filter((thread) => canSeeThread(viewer, threadAudience(thread.root)))
      .map((thread) => ({ thread, anchor: anchors.get(thread.id) })),
  });
}
