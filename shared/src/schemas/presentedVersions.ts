import type { PresentedPublicationSignoff } from '../signoff/presentedSignoff.js';
import type { ExportFormat, VersionRef, WorkflowState } from './versions.js';
import type { DocumentComparison } from '../compare/comparisonTypes.js';
import type { PresentedChangeAuthors } from './presentedAuthors.js';

/** A frozen version as the versions routes present it. */
export interface PresentedVersion {
  number: number;
  name: string;
  note: string | null;
  hash: string;
  /** clauses added, removed, modified and moved since the previous version */
  changes: { added: number; removed: number; modified: number; moved: number };
  author: { id: string; name: string };
  createdAt: string;
}

/** A proposal to freeze a version. */
export interface PresentedProposal {
  id: string;
  name: string;
  note: string | null;
  proposedBy: { id: string; name: string };
  createdAt: string;
  status: 'pending' | 'confirmed' | 'dismissed';
  /** the version a confirmation froze */
  versionNumber: number | null;
}

/** A publication; immutable, so nothing in it depends on who asks. */
export interface PresentedPublication {
  /** the stable public id */
  id: string;
  documentId: string;
  /** "1.0", "1.1", "2.0" … */
  number: string;
  major: number;
  minor: number;
  /** the version published */
  version: number;
  /** the public page; it answers while the document is public */
  url: string;
  /** the document is public now: the page and its downloads answer to anyone */
  public: boolean;
  /** SHA-256 (hex) of each export format's bytes */
  hashes: Record<ExportFormat, string>;
  /** SHA-256 of the version's canonical rendering */
  canonicalHash: string;
  /** where members (and, while public, anyone) download each format through the API */
  downloads: Record<ExportFormat, string>;
  publishedBy: { id: string; name: string };
  publishedAt: string;
  /** its sign-off: endorsing organisations with dates, and any override (absent: no round) */
  signoff?: PresentedPublicationSignoff | null;
}

/** A document's workflow state. */
export interface PresentedWorkflow {
  state: WorkflowState;
  textLocked: boolean;
  changedAt: string | null;
  /** the user id of who changed it last */
  changedBy: string | null;
  note: string | null;
}

/** GET /api/documents/:id/compare: the comparison, and which versions (and hashes) it compared. */
export interface ComparisonAnswer extends DocumentComparison {
  from: { version: VersionRef; hash: string };
  to: { version: VersionRef; hash: string };
  /** who made the changes; null when `to` is not later than `from` */
  authors: PresentedChangeAuthors | null;
}
