/** Shapes of the document-structure endpoints (outline, content, import preview). */
import type { JSONContent } from '@tiptap/core';
import type { DocumentLanguage } from '../documentKinds.js';
import type { ClauseKind } from '../document/clauseKinds.js';
import type { DocumentProblem } from '../document/render/DocumentProblem.js';
import type { CanonicalClause, CanonicalFreeText } from '../document/render/renderCanonical.js';
import type { ImportSummary } from '../document/import/ImportSummary.js';

/** One line of GET /api/documents/:id/outline, in reading order. */
export interface OutlineClause {
  /** null only for a stored node without a valid id (listed in `problems`) */
  clauseId: string | null;
  kind: ClauseKind;
  /** "3", "b", "II", "1.2" — the number alone */
  number: string;
  /** "Article 3", "b)", "Chapitre premier" — what the editor displays before the clause */
  label: string;
  /** "3.2.b": unique per clause, stable only as long as the numbering is */
  path: string;
  heading: string | null;
  /** 0 for top-level clauses (chapters, articles outside chapters, …) */
  depth: number;
  parentId: string | null;
}

/** GET /api/documents/:id/outline */
export interface PresentedOutline {
  language: DocumentLanguage;
  title: string;
  clauses: OutlineClause[];
  /** schema problems of the stored content; present for coordinators only */
  problems?: DocumentProblem[];
}

/** GET /api/documents/:id/content?format=json: the canonical rendering. */
export interface PresentedContent {
  schemaVersion: number;
  language: DocumentLanguage;
  title: string;
  clauses: CanonicalClause[];
  freeText: CanonicalFreeText[];
  tree: JSONContent;
  /** present for coordinators only */
  problems?: DocumentProblem[];
}

/** POST /api/imports/preview */
export interface ImportPreview {
  /** ProseMirror JSON: send it back as `content` to POST /api/documents */
  json: JSONContent;
  summary: ImportSummary & { format: 'docx' | 'markdown' };
}
