import { ErrorCode, type ErrorCodeValue } from '@accord/shared';

/**
 * The closed set of errors the REST API answers with. Each has an HTTP status and a stable code
 * from `shared/` (clients switch on the code, never on the message). Throw one of the subclasses;
 * `errorHandler` turns it into `{ "error": { "code", "message" } }`.
 */
export abstract class ApiError extends Error {
  abstract readonly status: number;
  abstract readonly code: ErrorCodeValue;
  /** structured detail safe to show the client (e.g. which fields failed validation) */
  readonly details: unknown;
  /** extra response headers (e.g. Retry-After) */
  readonly headers: Readonly<Record<string, string>>;

  constructor(message: string, options: { details?: unknown; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = new.target.name;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

export interface FieldIssue {
  path: string;
  message: string;
}

export class ValidationFailed extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.VALIDATION_FAILED;
  constructor(issues: FieldIssue[]) {
    super('The request is not valid.', { details: { issues } });
  }
}

export class MalformedJson extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.MALFORMED_JSON;
  constructor() {
    super('The request body is not valid JSON.');
  }
}

export class MalformedBody extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.MALFORMED_BODY;
  constructor() {
    super('The request body does not decompress (Content-Encoding does not match the body).');
  }
}

export class PayloadTooLarge extends ApiError {
  readonly status = 413;
  readonly code = ErrorCode.PAYLOAD_TOO_LARGE;
  constructor(limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes.`);
  }
}

export class UnsupportedMediaType extends ApiError {
  readonly status = 415;
  readonly code = ErrorCode.UNSUPPORTED_MEDIA_TYPE;
  constructor() {
    super('Send the request body as JSON (Content-Type: application/json).');
  }
}

export class Unauthenticated extends ApiError {
  readonly status = 401;
  readonly code = ErrorCode.UNAUTHENTICATED;
  constructor() {
    super('Sign in to continue.');
  }
}

export class InvalidCredentials extends ApiError {
  readonly status = 401;
  readonly code = ErrorCode.INVALID_CREDENTIALS;
  constructor() {
    // one message for a wrong email and a wrong password: never reveal which accounts exist
    super('The email or the password is wrong.');
  }
}

export class Forbidden extends ApiError {
  readonly status = 403;
  readonly code = ErrorCode.FORBIDDEN;
  constructor(message = 'Your role does not allow this.') {
    super(message);
  }
}

export class OriginNotAllowed extends ApiError {
  readonly status = 403;
  readonly code = ErrorCode.ORIGIN_NOT_ALLOWED;
  constructor() {
    super('Requests from this origin are not allowed.');
  }
}

export class NotFound extends ApiError {
  readonly status = 404;
  readonly code = ErrorCode.NOT_FOUND;
  constructor(message = 'Not found.') {
    super(message);
  }
}

export class EmailTaken extends ApiError {
  readonly status = 409;
  readonly code = ErrorCode.EMAIL_TAKEN;
  constructor() {
    super('An account with this email already exists.');
  }
}

export class AlreadyMember extends ApiError {
  readonly status = 409;
  readonly code = ErrorCode.ALREADY_MEMBER;
  constructor() {
    super('This person is already a member of the document.');
  }
}

export class AlreadyInvited extends ApiError {
  readonly status = 409;
  readonly code = ErrorCode.ALREADY_INVITED;
  constructor() {
    super('This address has a pending invitation to the document already; change its role or withdraw it.');
  }
}

export class InvitationClosed extends ApiError {
  readonly status = 409;
  readonly code = ErrorCode.INVITATION_CLOSED;
  constructor() {
    super('This invitation was accepted, declined, withdrawn or changed, or it has expired.');
  }
}

export class LastCoordinator extends ApiError {
  readonly status = 409;
  readonly code = ErrorCode.LAST_COORDINATOR;
  constructor() {
    super('A document needs at least one coordinator: appoint another coordinator first.');
  }
}

export class Conflict extends ApiError {
  readonly status = 409;
  readonly code = ErrorCode.CONFLICT;
  constructor(message = 'The request conflicts with a concurrent change; try again.') {
    super(message);
  }
}

export class RateLimited extends ApiError {
  readonly status = 429;
  readonly code = ErrorCode.RATE_LIMITED;
  constructor(retryAfterSeconds: number, message = 'Too many attempts; wait a little and try again.') {
    super(message, {
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    });
  }
}

export class DatabaseUnavailable extends ApiError {
  readonly status = 503;
  readonly code = ErrorCode.DATABASE_UNAVAILABLE;
  constructor() {
    super('The database is unavailable; try again shortly.');
  }
}

export class InternalError extends ApiError {
  readonly status = 500;
  readonly code = ErrorCode.INTERNAL;
  constructor() {
    super('Something went wrong on our side.');
  }
}

export class InvitationOtherAddress extends ApiError {
  readonly status = 403;
  readonly code = ErrorCode.INVITATION_OTHER_ADDRESS;
  constructor() {
    super('This invitation is for another email address: sign in with the address it was sent to.');
  }
}

export class WrongPassword extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.WRONG_PASSWORD;
  constructor() {
    super('The current password is wrong.');
  }
}
