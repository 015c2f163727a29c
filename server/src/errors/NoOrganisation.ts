import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 400 no_organisation: positions are an organisation's; the account names none (set it in settings). */
export class NoOrganisation extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.NO_ORGANISATION;
  constructor() {
    super('Positions are recorded for an organisation; add yours to your account first.');
  }
}
