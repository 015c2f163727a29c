import { createHash } from 'node:crypto';
import type { CanonicalDocument } from '@accord/shared';
import type { DocumentRecord } from '../models/Document.js';
import { NotFound } from '../errors/ApiError.js';
import type { ExportInput } from '../exports/ExportInput.js';
import { EXPORT_LABELS } from '../exports/exportLabels.js';
import { readCanonicalDocument, type ReadCanonicalDeps } from './readCanonicalDocument.js';
import { frozenText } from './versions.js';

export type TextSource = 'live' | number;

/** The canonical rendering of the live text or of a version (404 for an unknown version). */
export async function canonicalOf(
  deps: ReadCanonicalDeps,
  document: DocumentRecord,
  source: TextSource,
): Promise<{ canonical: CanonicalDocument; hash: string; date: Date; number: number | null }> {
  if (source === 'live') {
    const canonical = await readCanonicalDocument(deps, document);
    const hash = createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
    return { canonical, hash, date: new Date(), number: null };
  }
  const version = await frozenText(document._id.toHexString(), source);
  if (!version) throw new NotFound(`This document has no version ${source}.`);
  return { canonical: version.canonical, hash: version.hash, date: version.createdAt, number: source };
}

/** What the exporters need to render the live text or a version of the document. */
export async function exportInputFor(
  deps: ReadCanonicalDeps,
  document: DocumentRecord,
  source: TextSource,
): Promise<ExportInput> {
  const { canonical, hash, date, number } = await canonicalOf(deps, document, source);
  const labels = EXPORT_LABELS[canonical.language] ?? EXPORT_LABELS.en;
  return {
    canonical,
    documentKind: document.kind,
    version: { label: number === null ? labels.liveText : `${labels.version} ${number}`, number, date, hash },
    documentId: document._id.toHexString(),
    createdAt: document.createdAt,
  };
}
