import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 400 no_organisation: positions and sign-off decisions are an organisation's; the account names none. */
export class NoOrganisation extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.NO_ORGANISATION;
  constructor() {
    super('This is done on behalf of an organisation; add yours to your account first.');
  }
}
