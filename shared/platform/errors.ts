/** Typed domain errors. Each carries the HTTP status and stable code the API maps it to. */
export type ErrorDetail = { path?: string; message: string; [k: string]: unknown };

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly details: ErrorDetail[];
  constructor(message: string, details: ErrorDetail[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.details = details;
  }
}

export class ValidationError extends DomainError {
  readonly status = 400;
  readonly code: string;
  constructor(message: string, details: ErrorDetail[] = [], code = 'VALIDATION_FAILED') {
    super(message, details);
    this.code = code;
  }
}
export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly code = 'UNAUTHORIZED';
}
export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly code: string;
  constructor(message: string, details: ErrorDetail[] = [], code = 'FORBIDDEN') {
    super(message, details);
    this.code = code;
  }
}
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
}
export class ConflictError extends DomainError {
  readonly status = 409;
  readonly code: string;
  constructor(message: string, details: ErrorDetail[] = [], code = 'CONFLICT') {
    super(message, details);
    this.code = code;
  }
}
export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly code = 'PAYLOAD_TOO_LARGE';
}
export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
}
/** Too much at once: retry after `retryAfterSeconds` (the response's Retry-After). Nothing was changed. */
export class ThrottledError extends DomainError {
  readonly status = 429;
  readonly code = 'THROTTLED';
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
  ) {
    super(message);
  }
}
/** A dependency (database, storage) is unreachable: the request may be retried. Not a bug. */
export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
  readonly code = 'SERVICE_UNAVAILABLE';
}
