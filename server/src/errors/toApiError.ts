import { Limits } from '@accord/shared';
import { z } from 'zod';
import {
  ApiError,
  DatabaseUnavailable,
  MalformedBody,
  MalformedJson,
  PayloadTooLarge,
  UnsupportedMediaType,
  ValidationFailed,
  type FieldIssue,
} from './ApiError.js';

/** Names of driver errors that mean "the database cannot be reached right now". */
const UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/**
 * Maps anything thrown inside a request to one of the named API errors, or `undefined` when it is
 * unexpected (a bug: the handler logs it and answers 500 without internals).
 */
export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof z.ZodError) return new ValidationFailed(zodIssues(error));
  if (typeof error !== 'object' || error === null) return undefined;
  // express.json() (body-parser) marks its errors with a `type`
  const type = (error as { type?: unknown }).type;
  switch (type) {
    case 'entity.parse.failed':
    case 'request.size.invalid':
    // the client went away mid-body: nobody reads the answer, but it is no server fault either
    case 'request.aborted':
      return new MalformedJson();
    case 'entity.too.large':
      return new PayloadTooLarge(Limits.jsonBodyBytes);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaType();
  }
  // body-parser passes zlib's own error on when a gzip/deflate/br body does not inflate
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^(Z|ERR)_/.test(code) && (error as { status?: unknown }).status === 400) {
    return new MalformedBody();
  }
  const name = (error as { name?: unknown }).name;
  const message = (error as { message?: unknown }).message;
  if (typeof name === 'string' && UNREACHABLE.has(name)) return new DatabaseUnavailable();
  // mongoose queues operations while disconnected and fails them after bufferTimeoutMS
  if (typeof message === 'string' && message.includes('buffering timed out')) {
    return new DatabaseUnavailable();
  }
  return undefined;
}
