import { objectId } from '@accord/shared';

/**
 * True for an id in the form the API uses (24 lower-case hex digits, as `shared/`'s `objectId`
 * schema accepts). Checked before ids from sessions or URLs reach a query, so a malformed one is
 * "not found" rather than a cast error.
 */
export function isObjectIdString(value: unknown): value is string {
  return objectId.safeParse(value).success;
}
