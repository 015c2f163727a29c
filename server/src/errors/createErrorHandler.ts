import type { ErrorRequestHandler } from 'express';
import type { ApiErrorBody } from '@accord/shared';
import type { Logger } from '../logger.js';
import { InternalError } from './ApiError.js';
import { toApiError } from './toApiError.js';

/**
 * The one place errors become HTTP answers: `{ "error": { "code", "message", details? } }`.
 * Unknown errors are logged with their stack and answered 500 with a generic message, so no
 * internals (queries, paths, stack traces) reach the client.
 */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      // too late for a JSON answer: let express close the connection
      next(error);
      return;
    }
    const known = toApiError(error);
    if (!known) {
      logger.error({ err: error, method: req.method, url: req.originalUrl }, 'unhandled error');
    } else if (known.status >= 500) {
      logger.warn({ err: error, method: req.method, url: req.originalUrl }, known.message);
    }
    const answer = known ?? new InternalError();
    const body: ApiErrorBody = { error: { code: answer.code, message: answer.message } };
    if (answer.details !== undefined) body.error.details = answer.details;
    res.status(answer.status).set(answer.headers).json(body);
  };
}
