/** Input limits shared by the REST schemas and the client's forms. */
export const Limits = {
  emailMax: 254,
  nameMax: 120,
  passwordMin: 10,
  passwordMax: 256,
  organisationNameMax: 200,
  titleMax: 300,
  /** Characters of a comment body (plain text with line breaks, links and @mentions). */
  commentBodyMax: 10_000,
  /** Distinct members one comment body may @mention. */
  commentMentionsMax: 20,
  /** Characters of the text after the quote a range anchor keeps, to find a retyped passage's end. */
  commentFollowMax: 32,
  /** Characters of the quoted text a range comment is anchored to. */
  commentQuoteMax: 5_000,
  /** Base64 characters of one encoded Yjs relative position in a comment anchor. */
  relativePositionMax: 256,
  /** Largest JSON body the REST API reads. */
  jsonBodyBytes: 64 * 1024,
  /** Largest JSON body of POST /api/documents, which may carry imported `content`. */
  documentContentBytes: 4 * 1024 * 1024,
  /**
   * Deepest nesting of objects and arrays in a new document's `content` (each ProseMirror node is
   * two levels: the node and its `content` array). Far above what the schema produces, far below
   * what would overflow the stack of the checks and renderers that walk it.
   */
  contentJsonDepthMax: 128,
  /**
   * Deepest nesting of elements in a collaborative document (the root's children are at depth 1).
   * The schema's deepest structure (chapter, article, numbered paragraph, nested points) stays far
   * below; the collaboration server refuses updates that nest deeper.
   */
  documentNestingMax: 32,
  /** Bytes of one node attribute's JSON value, or one mark's, in a collaborative document. */
  documentAttributeBytes: 16 * 1024,
  /** Days a pending invitation can be accepted before it expires. */
  invitationDays: 30,
  /** Largest file POST /api/imports/preview reads (.docx or Markdown). */
  importBytes: 10 * 1024 * 1024,
} as const;
