/** Ways stored content can fail the schema. Stable codes: the server logs them and shows them to coordinators. */
export const DOCUMENT_PROBLEM_CODES = [
  'invalid_node',
  'unknown_node_type',
  'unknown_mark_type',
  'mark_not_allowed',
  'invalid_content',
  'unknown_attribute',
  'invalid_attribute',
  'missing_clause_id',
  'duplicate_clause_id',
  'disallowed_link',
] as const;
export type DocumentProblemCode = (typeof DOCUMENT_PROBLEM_CODES)[number];

export interface DocumentProblem {
  code: DocumentProblemCode;
  message: string;
  /** Child indexes from the document root to the offending node (in the JSON tree). */
  path: number[];
  nodeType?: string;
  clauseId?: string;
}
