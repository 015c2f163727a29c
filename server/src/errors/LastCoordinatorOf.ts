import { ErrorCode, type LastCoordinatorDetails } from '@accord/shared';
import { ApiError } from './ApiError.js';

/**
 * 409 last_coordinator with the documents where the user is the only coordinator: deleting the
 * account would leave them without one, so the role is handed over first.
 */
export class LastCoordinatorOf extends ApiError {
  readonly status = 409;
  readonly code = ErrorCode.LAST_COORDINATOR;
  constructor(documents: LastCoordinatorDetails['documents']) {
    super('You are the only coordinator of some documents: hand the role over first.', {
      details: { documents } satisfies LastCoordinatorDetails,
    });
  }
}
