import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/**
 * 409 comment_conflict: the comment changed since the client read it (another edit won, or the
 * PATCH's baseRevision is stale). `details.current` holds the text that won, so the client can
 * show it and let the author re-apply their change.
 */
export class CommentConflict extends ApiError {
  readonly status = 409;
  readonly code = ErrorCode.COMMENT_CONFLICT;
  constructor(current: { revision: number; body: string | null }) {
    super('Someone changed this comment meanwhile; here is the current text.', { details: { current } });
  }
}
