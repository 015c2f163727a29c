/**
 * Node type names of the policy schema. They are stored verbatim in every Yjs document (as
 * XmlElement node names), so they can never be renamed without a migration: treat them as a
 * public, versioned contract (see SCHEMA_VERSION).
 */
export const NODE = {
  doc: 'doc',
  text: 'text',
  /** Tiptap's plain paragraph: unnumbered text (article body, intro, final formula, annex text). */
  paragraph: 'paragraph',
  hardBreak: 'hardBreak',
  title: 'title',
  preamble: 'preamble',
  recital: 'recital',
  chapter: 'chapter',
  article: 'article',
  /** Heading line of a chapter, article, objective, action or annex (always its first child). */
  clauseHeading: 'clauseHeading',
  /** Numbered paragraph of an article or annex ("1.", "2."). */
  numberedParagraph: 'numberedParagraph',
  /** Lettered point ("a)"), nestable ("i)"). */
  point: 'point',
  objective: 'objective',
  action: 'action',
  annex: 'annex',
} as const;

export type PolicyNodeName = (typeof NODE)[keyof typeof NODE];

/** Mark names (Tiptap's bold, italic and link, and bracketed text), also stored verbatim in Yjs text attributes. */
export const MARK = { bold: 'bold', italic: 'italic', link: 'link', bracketed: 'bracketed' } as const;
