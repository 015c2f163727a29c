import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

export class TextLocked extends ApiError {
  readonly status = 409;
  readonly code = ErrorCode.TEXT_LOCKED;
  constructor() {
    super('The text is locked in this workflow state; a coordinator can unlock it.');
  }
}
