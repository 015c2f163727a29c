import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 400 unknown_organisation: a sign-off round names an organisation with no member on the document. */
export class UnknownOrganisation extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.UNKNOWN_ORGANISATION;
  constructor(organisationId: string) {
    super(`No member of the document belongs to organisation ${organisationId}.`);
  }
}
