import type { z } from 'zod';
import { ValidationFailed } from '../errors/ApiError.js';
import { zodIssues } from '../errors/toApiError.js';

/**
 * Parses request input with a zod schema from `shared/`: the output holds only the fields the
 * schema knows, with their declared types, so nothing else ever reaches a database query.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationFailed(zodIssues(result.error));
  return result.data;
}
