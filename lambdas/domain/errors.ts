/**
 * Domain errors: one class per problem `code` of docs/api.md's error catalogue, each carrying the extra members
 * that code promises. The HTTP layer maps them to problem JSON in one place
 * (lambdas/http/problem.ts); nothing else decides status codes.
 */
import type { AbuseScope } from './abuse-limits';
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

/** Extra problem members, by name. Values are JSON. */
export type ProblemExtras = Record<string, unknown>;

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  abstract readonly title: string;
  /** Seconds for a `Retry-After` header, where the code promises one. */
  readonly retryAfterSeconds: number | undefined = undefined;
  extras(): ProblemExtras {
    return {};
  }
}

export class InvalidRequestError extends DomainError {
  readonly status = 400;
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
  readonly status = 400;
  readonly code = 'invalid_phone_number';
  readonly title = 'Invalid phone number';
  constructor(detail = 'The destination is not a valid phone number; use E.164, e.g. +14155550100.') {
    super(detail);
  }
}

export class InvalidEmailError extends DomainError {
  readonly status = 400;
  readonly code = 'invalid_email';
  readonly title = 'Invalid email address';
  constructor() {
    super('The destination is not a valid email address.');
  }
}

abstract class NotFound extends DomainError {
  readonly status = 404;
}

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
  readonly status = 405;
  readonly code = 'method_not_allowed';
  readonly title = 'Method not allowed';
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly code = 'unauthorized';
  readonly title = 'Unauthorized';
  constructor() {
    super('The x-api-key header is missing.');
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly code = 'forbidden';
  readonly title = 'Forbidden';
  constructor(detail = 'The x-api-key header is not a valid key.') {
    super(detail);
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly code = 'payload_too_large';
  readonly title = 'Payload too large';
  constructor(limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

export class NoActiveFactorError extends DomainError {
  readonly status = 409;
  readonly code = 'no_active_factor';
  readonly title = 'No usable factor';
  constructor(detail = 'The user has no active factor that can receive a code.') {
    super(detail);
  }
}

export class FactorLimitReachedError extends DomainError {
  readonly status = 409;
  readonly code = 'factor_limit_reached';
  readonly title = 'Too many factors';
  constructor(max: number) {
    super(`A user may have at most ${max} factors; remove one first.`);
  }
}

export class FactorNotPendingError extends DomainError {
  readonly status = 409;
  readonly code = 'factor_already_active';
  readonly title = 'Factor already active';
  constructor() {
    super('This factor is already active.');
  }
}

export class CodeSupersededError extends DomainError {
  readonly status = 409;
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
  readonly status = 409;
  readonly code = 'code_already_used';
  readonly title = 'Code already used';
  constructor() {
    super('This code has already been accepted once.');
  }
}

export class AlreadyConfirmedError extends DomainError {
  readonly status = 409;
  readonly code = 'already_confirmed';
  readonly title = 'Already confirmed';
  constructor() {
    super('This delivery is already confirmed.');
  }
}

export class DeliveryExistsError extends DomainError {
  readonly status = 409;
  readonly code = 'delivery_exists';
  readonly title = 'Delivery already exists';
  constructor() {
    super('A delivery with this deliveryId already exists; resend its code instead.');
  }
}

export class FallbackExhaustedError extends DomainError {
  readonly status = 409;
  readonly code = 'fallback_exhausted';
  readonly title = 'No further fallback step';
  constructor() {
    super('This challenge has no fallback step left to send: every step was sent or skipped.');
  }
}

export class CodeExpiredError extends DomainError {
  readonly status = 410;
  readonly code = 'code_expired';
  readonly title = 'Code expired';
  constructor() {
    super('This code has expired: request a new one.');
  }
}

export class CodeIncorrectError extends DomainError {
  readonly status = 422;
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
  readonly status = 422;
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

export class LockedError extends DomainError {
  readonly status = 423;
  readonly code = 'locked';
  readonly title = 'Temporarily locked';
  override readonly retryAfterSeconds: number;
  /** `null` when only a support unlock ends the lock. */
  constructor(
    readonly lockedUntil: string | null,
    retryAfterSeconds: number,
  ) {
    super(
      lockedUntil === null
        ? 'Too many incorrect codes: this account is locked until support unlocks it.'
        : `Too many incorrect codes: try again after ${lockedUntil}.`,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
  override extras(): ProblemExtras {
    return { lockedUntil: this.lockedUntil };
  }
}

/**
 * A delivery past its limit of wrong codes: locked for good, whatever anyone does
 * (a support unlock is for users, not deliveries), and it sends nothing more. The
 * sender's way on is a new delivery. `Retry-After` stays, as the documented 423 promises
 * one, but the detail says that waiting does not help.
 */
export class DeliveryLockedError extends DomainError {
  readonly status = 423;
  readonly code = 'locked';
  readonly title = 'Delivery locked';
  override readonly retryAfterSeconds = 86_400;
  constructor() {
    super(
      'Too many incorrect codes: this delivery is locked for good and sends no more codes. Create a new delivery to send a new code.',
    );
  }
  override extras(): ProblemExtras {
    return { lockedUntil: null };
  }
}

export class ResendTooSoonError extends DomainError {
  readonly status = 429;
  readonly code = 'resend_too_soon';
  readonly title = 'Resend too soon';
  override readonly retryAfterSeconds: number;
  constructor(
    readonly resendAvailableAt: string,
    retryAfterSeconds: number,
  ) {
    super(`A code was just sent on this channel; another can be sent at ${resendAvailableAt}.`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
  override extras(): ProblemExtras {
    return { resendAvailableAt: this.resendAvailableAt };
  }
}

const ABUSE_DETAIL: Record<AbuseScope, string> = {
  prefix: 'Too many codes were sent to numbers like this one in the last hour',
  country: 'Too many codes were sent to this country in the last hour',
  ip: 'Too many codes were asked for from this network in the last hour',
  key: 'This API key asked for too many codes in the last hour',
  service: 'The service has sent as many messages as it may in this hour',
};

export class SendLimitExceededError extends DomainError {
  readonly status = 429;
  readonly code = 'send_limit_exceeded';
  readonly title = 'Send limit reached';
  override readonly retryAfterSeconds: number;
  /**
   * `hour` / `day`: the user's or the destination's caps; the others are the abuse
   * limits on SMS and voice, whose answer names the user's other factors.
   */
  constructor(
    readonly scope: 'hour' | 'day' | AbuseScope,
    retryAfterSeconds: number,
    readonly alternatives?: readonly Alternative[],
  ) {
    super(
      scope === 'hour' || scope === 'day'
        ? `Too many codes were sent in this ${scope}; try again later.`
        : `${ABUSE_DETAIL[scope]}; try again later${alternatives?.length ? ' or use one of the alternatives' : ''}.`,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
  override extras(): ProblemExtras {
    return {
      scope: this.scope,
      ...(this.alternatives ? { alternatives: this.alternatives } : {}),
    };
  }
}

export class DeliveryFailedError extends DomainError {
  readonly status = 502;
  readonly code = 'delivery_failed';
  readonly title = 'Delivery failed';
  constructor(
    readonly channel: DeliveryChannel,
    readonly alternatives: readonly Alternative[],
  ) {
    super(
      alternatives.length > 0
        ? `The ${channel} provider refused the message; try one of the alternatives.`
        : `The ${channel} provider refused the message.`,
    );
  }
  override extras(): ProblemExtras {
    return { channel: this.channel, alternatives: this.alternatives };
  }
}

export class UnavailableError extends DomainError {
  readonly status = 503;
  readonly code = 'unavailable';
  readonly title = 'Service unavailable';
  override readonly retryAfterSeconds = 5;
  constructor(options?: { cause?: unknown }) {
    super('A dependency is unavailable; nothing was changed. Try again shortly.', options);
  }
}
