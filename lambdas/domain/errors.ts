/**
 * Domain errors: one class per problem `code` of docs/api.md's error catalogue, each carrying its words and
 * the extra members that code promises. The HTTP layer gives each code its status and renders problem JSON
 * in one place (lambdas/http/problem-status.ts); nothing else decides status codes.
 */
import type { DeliveryChannel } from './channel';

export interface Alternative {
  readonly factorId: string;
  readonly channel: DeliveryChannel;
  readonly destinationMasked: string;
}

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** Every problem code of the catalogue (docs/api.md, "Errors"); lambdas/http gives each its status. */
export type ErrorCode =
  | 'invalid_request'
  | 'invalid_phone_number'
  | 'invalid_email'
  | 'not_found'
  | 'factor_not_found'
  | 'no_pending_challenge'
  | 'delivery_not_found'
  | 'method_not_allowed'
  | 'unauthorized'
  | 'forbidden'
  | 'payload_too_large'
  | 'no_active_factor'
  | 'factor_limit_reached'
  | 'factor_already_active'
  | 'code_superseded'
  | 'code_already_used'
  | 'already_confirmed'
  | 'delivery_exists'
  | 'fallback_exhausted'
  | 'code_expired'
  | 'code_incorrect'
  | 'outside_window'
  | 'locked'
  | 'resend_too_soon'
  | 'send_limit_exceeded'
  | 'destination_blocked'
  | 'delivery_failed'
  | 'unavailable'
  | 'idempotency_key_reused';

/** Extra problem members, by name. Values are JSON. */
export type ProblemExtras = Record<string, unknown>;

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly title: string;
  /** Seconds for a `Retry-After` header, where the code promises one. */
  readonly retryAfterSeconds: number | undefined = undefined;
  extras(): ProblemExtras {
    return {};
  }
}

export class InvalidRequestError extends DomainError {
  readonly code = 'invalid_request';
  readonly title = 'Invalid request';
  constructor(
    detail: string,
    readonly errors: readonly FieldError[] = [],
  ) {
    super(detail);
  }
  override extras(): ProblemExtras {
    return { errors: this.errors };
  }
}

export class InvalidPhoneNumberError extends DomainError {
  readonly code = 'invalid_phone_number';
  readonly title = 'Invalid phone number';
  constructor(detail = 'The destination is not a valid phone number; use E.164, e.g. +14155550100.') {
    super(detail);
  }
}

export class InvalidEmailError extends DomainError {
  readonly code = 'invalid_email';
  readonly title = 'Invalid email address';
  constructor() {
    super('The destination is not a valid email address.');
  }
}

abstract class NotFound extends DomainError {}

export class NotFoundError extends NotFound {
  readonly code = 'not_found';
  readonly title = 'Not found';
}

export class FactorNotFoundError extends NotFound {
  readonly code = 'factor_not_found';
  readonly title = 'Factor not found';
  constructor() {
    super('No such factor for this user.');
  }
}

export class NoPendingChallengeError extends NotFound {
  readonly code = 'no_pending_challenge';
  readonly title = 'No pending challenge';
  constructor(detail = 'There is no code waiting to be entered; request a new one.') {
    super(detail);
  }
}

export class DeliveryNotFoundError extends NotFound {
  readonly code = 'delivery_not_found';
  readonly title = 'Delivery not found';
  constructor() {
    super('No such delivery.');
  }
}

export class MethodNotAllowedError extends DomainError {
  readonly code = 'method_not_allowed';
  readonly title = 'Method not allowed';
}

export class UnauthorizedError extends DomainError {
  readonly code = 'unauthorized';
  readonly title = 'Unauthorized';
  constructor() {
    super('The x-api-key header is missing.');
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  readonly title = 'Forbidden';
  constructor(detail = 'The x-api-key header is not a valid key.') {
    super(detail);
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly code = 'payload_too_large';
  readonly title = 'Payload too large';
  constructor(limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

export class NoActiveFactorError extends DomainError {
  readonly code = 'no_active_factor';
  readonly title = 'No usable factor';
  constructor(detail = 'The user has no active factor that can receive a code.') {
    super(detail);
  }
}

export class FactorLimitReachedError extends DomainError {
  readonly code = 'factor_limit_reached';
  readonly title = 'Too many factors';
  constructor(max: number) {
    super(`A user may have at most ${max} factors; remove one first.`);
  }
}

export class FactorNotPendingError extends DomainError {
  readonly code = 'factor_already_active';
  readonly title = 'Factor already active';
  constructor() {
    super('This factor is already active.');
  }
}

export class CodeSupersededError extends DomainError {
  readonly code = 'code_superseded';
  readonly title = 'Code replaced by a newer one';
  constructor(readonly attemptsRemaining: number) {
    super('This code was replaced by a newer one: enter the most recent code. This try was not counted.');
  }
  override extras(): ProblemExtras {
    return { attemptsRemaining: this.attemptsRemaining };
  }
}

export class CodeAlreadyUsedError extends DomainError {
  readonly code = 'code_already_used';
  readonly title = 'Code already used';
  constructor() {
    super('This code has already been accepted once.');
  }
}

export class AlreadyConfirmedError extends DomainError {
  readonly code = 'already_confirmed';
  readonly title = 'Already confirmed';
  constructor() {
    super('This delivery is already confirmed.');
  }
}

export class DeliveryExistsError extends DomainError {
  readonly code = 'delivery_exists';
  readonly title = 'Delivery already exists';
  constructor() {
    super('A delivery with this deliveryId already exists; resend its code instead.');
  }
}

export class FallbackExhaustedError extends DomainError {
  readonly code = 'fallback_exhausted';
  readonly title = 'No further fallback step';
  constructor() {
    super('This challenge has no fallback step left to send: every step was sent or skipped.');
  }
}

export class CodeExpiredError extends DomainError {
  readonly code = 'code_expired';
  readonly title = 'Code expired';
  constructor() {
    super('This code has expired: request a new one.');
  }
}

export class CodeIncorrectError extends DomainError {
  readonly code = 'code_incorrect';
  readonly title = 'Incorrect code';
  constructor(readonly attemptsRemaining: number) {
    super(
      attemptsRemaining === 1
        ? 'The code is incorrect. 1 attempt remains before a temporary lock.'
        : `The code is incorrect. ${attemptsRemaining} attempts remain before a temporary lock.`,
    );
  }
  override extras(): ProblemExtras {
    return { attemptsRemaining: this.attemptsRemaining };
  }
}

export class OutsideWindowError extends DomainError {
  readonly code = 'outside_window';
  readonly title = 'Outside the delivery window';
  constructor(
    readonly validFrom: string,
    readonly validUntil: string,
  ) {
    super('This delivery code is valid only during its delivery window.');
  }
  override extras(): ProblemExtras {
    return { validFrom: this.validFrom, validUntil: this.validUntil };
  }
}
