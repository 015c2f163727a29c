import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/**
 * 409 signoff_incomplete: the version's sign-off round lacks endorsements; publish once they are
 * in, or give an override reason (coordinators).
 */
export class SignoffIncomplete extends ApiError {
  readonly status = 409;
  readonly code = ErrorCode.SIGNOFF_INCOMPLETE;
  constructor(missingOrganisationIds: string[]) {
    super('Some organisations have not endorsed this version.', {
      details: { missing: missingOrganisationIds },
    });
  }
}
