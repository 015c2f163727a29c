import type { CanonicalClause } from '@accord/shared';

/** A run of text with the marks the exports render; `href` only when the link is allowed. */
export interface ExportTextRun {
  type: 'text';
  text: string;
  bold: boolean;
  italic: boolean;
  href: string | null;
  /**
   * Inside bracketed text (issue 16): the alternative's label, or '' for plain brackets. The
   * bracket characters themselves are runs of their own (toExportTree), so text formats print them
   * as they are; Akoma Ntoso also wraps the span in `<inline name="bracketed">`.
   */
  bracket?: string | null;
}

export type ExportInline = ExportTextRun | { type: 'break' };

/** Unnumbered text: a preamble formula, an article's plain paragraph, the final formula. */
export interface ExportParagraph {
  type: 'paragraph';
  inlines: ExportInline[];
}

/**
 * A clause with its number, label, heading and fields from the canonical rendering, and its
 * content in document order: its own text as paragraphs, then sub-clauses and loose text.
 */
export interface ExportClause {
  type: 'clause';
  clause: CanonicalClause;
  children: ExportBlock[];
}

export type ExportBlock = ExportParagraph | ExportClause;

/** The canonical rendering as a tree of blocks, which every export format walks. */
export interface ExportTree {
  title: string;
  /** Formulas and recitals of the preamble, or null when the document has no preamble. */
  preamble: ExportBlock[] | null;
  body: ExportBlock[];
}
