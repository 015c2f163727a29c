/** Stable error codes of the REST API: `{ "error": { "code", "message" } }`. */
export const ErrorCode = {
  VALIDATION_FAILED: 'validation_failed',
  MALFORMED_JSON: 'malformed_json',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported_media_type',
  UNAUTHENTICATED: 'unauthenticated',
  INVALID_CREDENTIALS: 'invalid_credentials',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not_found',
  EMAIL_TAKEN: 'email_taken',
  ALREADY_MEMBER: 'already_member',
  /** the address has a pending invitation to the document already */
  ALREADY_INVITED: 'already_invited',
  /** the invitation was accepted, declined, withdrawn, changed or has expired */
  INVITATION_CLOSED: 'invitation_closed',
  LAST_COORDINATOR: 'last_coordinator',
  /** the title typed to confirm deleting a document is not the document's title */
  TITLE_MISMATCH: 'title_mismatch',
  /** a search query that is empty or longer than SEARCH_QUERY_MAX */
  BAD_QUERY: 'bad_query',
  /** the coordinator role is handed over to someone who is the giver themselves */
  HAND_OVER_TO_SELF: 'hand_over_to_self',
  /** a join link was revoked by a coordinator (410) */
  JOIN_LINK_REVOKED: 'join_link_revoked',
  /** a join link's time is up (410) */
  JOIN_LINK_EXPIRED: 'join_link_expired',
  /** no join link has this token, or its document was deleted (404) */
  JOIN_LINK_UNKNOWN: 'join_link_unknown',
  CONFLICT: 'conflict',
  /** a comment changed since the client read it (concurrent edit or stale baseRevision) */
  COMMENT_CONFLICT: 'comment_conflict',
  /** a comment anchor names a clause or range that is not in the document */
  INVALID_ANCHOR: 'invalid_anchor',
  /** a comment body @mentions someone who is not a member of the document */
  INVALID_MENTION: 'invalid_mention',
  /** an uploaded import is not a readable .docx / Markdown file */
  IMPORT_INVALID_FILE: 'import_invalid_file',
  /** an uploaded import is larger than Limits.importBytes (413) */
  IMPORT_TOO_LARGE: 'import_too_large',
  /** a .docx would expand beyond the unpacking limits (zip bomb, too many entries) */
  IMPORT_ARCHIVE_TOO_LARGE: 'import_archive_too_large',
  /** an import has too many XML elements, or ran out of its worker's time or memory */
  IMPORT_TOO_COMPLEX: 'import_too_complex',
  /** every import worker is busy and the queue is full (429, Retry-After) */
  IMPORT_BUSY: 'import_busy',
  /** the `content` of a new document does not fit the document schema */
  INVALID_CONTENT: 'invalid_content',
  /** the document's text is locked by its workflow state (review with a lock, final, published) */
  TEXT_LOCKED: 'text_locked',
  /** this version was published already */
  ALREADY_PUBLISHED: 'already_published',
  /** a version whose content does not fit the document schema cannot be restored */
  VERSION_NOT_RESTORABLE: 'version_not_restorable',
  /** an uploaded file is larger than the limit (413) */
  UPLOAD_TOO_LARGE: 'upload_too_large',
  /** a negotiation status, position or amendment names a clause that is not in the document */
  UNKNOWN_CLAUSE: 'unknown_clause',
  /** a position is recorded on behalf of an organisation: the account has none */
  NO_ORGANISATION: 'no_organisation',
  /** a sign-off round names an organisation that has no member on the document */
  UNKNOWN_ORGANISATION: 'unknown_organisation',
  /** publishing a version whose sign-off round lacks endorsements, without an override reason (409) */
  SIGNOFF_INCOMPLETE: 'signoff_incomplete',
  /** an amendment's proposal does not fit the document schema or the clause it amends */
  INVALID_PROPOSAL: 'invalid_proposal',
  /** the amendment was decided or withdrawn already */
  AMENDMENT_CLOSED: 'amendment_closed',
  RATE_LIMITED: 'rate_limited',
  /** too many comments by one user on one document in a short time (429, Retry-After) */
  COMMENT_RATE_LIMITED: 'comment_rate_limited',
  /** too many @mentions by one user on one document in a short time (429, Retry-After) */
  MENTION_RATE_LIMITED: 'mention_rate_limited',
  /** a new password is too common, all whitespace or otherwise easy to guess */
  WEAK_PASSWORD: 'weak_password',
  /** an emailed link's token is unknown, used already or expired (password reset) */
  TOKEN_INVALID: 'token_invalid',
  /** the current password given to change the password is wrong */
  WRONG_PASSWORD: 'wrong_password',
  /** an invitation link was opened by an account with another email address than the invited one */
  INVITATION_OTHER_ADDRESS: 'invitation_other_address',
  /** a compressed request body does not decompress (e.g. a corrupt gzip body) */
  MALFORMED_BODY: 'malformed_body',
  ORIGIN_NOT_ALLOWED: 'origin_not_allowed',
  DATABASE_UNAVAILABLE: 'database_unavailable',
  INTERNAL: 'internal_error',
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ApiErrorBody {
  error: { code: ErrorCodeValue; message: string; details?: unknown };
}
