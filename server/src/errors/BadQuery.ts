import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 400 bad_query: a search query that is blank or longer than SEARCH_QUERY_MAX characters. */
export class BadQuery extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.BAD_QUERY;
  constructor() {
    super('Type between 1 and 200 characters to search for.');
  }
}
