/**
 * The problem catalogue: every problem code the API answers, built from the error
 * classes themselves (lambdas/domain/errors.ts), so status, code and title here are
 * the ones the service sends; plus each code's extra members as a schema. The
 * OpenAPI document and docs/api.md's error catalogue come from this list (a test
 * holds docs/api.md to it).
 */
import { statusOf } from '../problem-status';
import * as z from 'zod/v4-mini';
import { DELIVERY_CHANNELS } from '../../domain/channel';
import {
  AlreadyConfirmedError,
  CodeAlreadyUsedError,
  CodeExpiredError,
  CodeIncorrectError,
  CodeSupersededError,
  DeliveryExistsError,
  DeliveryNotFoundError,
  FactorLimitReachedError,
  FallbackExhaustedError,
  FactorNotFoundError,
  FactorNotPendingError,
  ForbiddenError,
  InvalidEmailError,
  InvalidPhoneNumberError,
  InvalidRequestError,
  MethodNotAllowedError,
  NoActiveFactorError,
  NoPendingChallengeError,
  NotFoundError,
  OutsideWindowError,
  PayloadTooLargeError,
  UnauthorizedError,
  type DomainError,
} from '../../domain/errors';
import {
  DeliveryFailedError,
  DeliveryLockedError,
  DestinationBlockedError,
  LockedError,
  ResendTooSoonError,
  SendLimitExceededError,
  UnavailableError,
} from '../../domain/refusal-errors';
import { IdempotencyKeyReusedError } from '../../app/idempotency';
import '../../contract/zod';

export interface ProblemEntry {
  /** The error class that answers it (lambdas/domain/errors.ts, or the app layer's own). */
  readonly className: string;
  /** Other classes that answer the same problem (a locked delivery answers `locked` too). */
  readonly alsoClassNames: readonly string[];
  readonly status: number;
  readonly code: string;
  readonly title: string;
  /** When it is answered, in a sentence. */
  readonly when: string;
  /** Members beyond type, status, code, title and detail. */
  readonly extras: Readonly<Record<string, z.ZodMiniType>>;
  /** Answered with a Retry-After header (seconds). */
  readonly retryAfter: boolean;
  /** A real instance's detail, as an example. */
  readonly example: string;
}

const time = z.string().check(z.iso.datetime());
const count = z.number().check(z.int(), z.gte(0));

const entries: ReadonlyArray<readonly [DomainError, string, ProblemEntry['extras'], (readonly string[])?]> = [
  [
    new InvalidRequestError('The request body does not match the schema.', []),
    'The body is not JSON or does not match the schema, a path or query parameter or a header is malformed.',
    { errors: z.array(z.looseObject({ path: z.string(), message: z.string() })) },
  ],
  [
    new InvalidPhoneNumberError(),
    'The destination is not a phone number that may receive codes (the detail says why).',
    {},
  ],
  [new InvalidEmailError(), 'The destination is not an email address.', {}],
  [new UnauthorizedError(), 'No x-api-key header.', {}],
  [new ForbiddenError(), 'The x-api-key is not a valid key.', {}],
  [new NotFoundError('No such route.'), 'No such route, challenge, device or report link.', {}],
  [new FactorNotFoundError(), 'No such factor for this user.', {}],
  [new NoPendingChallengeError(), 'No code of this purpose is waiting to be entered.', {}],
  [new DeliveryNotFoundError(), 'No such delivery.', {}],
  [
    new MethodNotAllowedError('This method is not allowed here.'),
    'The route exists with other methods (header Allow).',
    {},
  ],
  [new NoActiveFactorError(), 'The user has no usable factor for what was asked.', {}],
  [new FactorLimitReachedError(5), 'The user already has ONETIME_MAX_FACTORS factors.', {}],
  [new FactorNotPendingError(), 'The factor to activate is already active.', {}],
  [
    new CodeSupersededError(4),
    'The code was replaced by a newer one; not counted as a failure.',
    { attemptsRemaining: count },
  ],
  [
    new CodeAlreadyUsedError(),
    'The code (or TOTP step, or recovery code) was already accepted once; not counted.',
    {},
  ],
  [new AlreadyConfirmedError(), 'The delivery is already confirmed.', {}],
  [new FallbackExhaustedError(), 'The challenge has no fallback step left to send (next).', {}],
  [new DeliveryExistsError(), 'A delivery with this deliveryId exists.', {}],
  [new CodeExpiredError(), "The code's life is over; not counted.", {}],
  [new IdempotencyKeyReusedError(), 'The Idempotency-Key was already used with a different request.', {}],
  [new PayloadTooLargeError(16_384), 'The body is over 16 KiB.', {}],
  [new CodeIncorrectError(4), 'Wrong code; counted.', { attemptsRemaining: count }],
  [
    new OutsideWindowError('2026-01-01T10:00:00.000Z', '2026-01-01T12:00:00.000Z'),
    'A delivery code entered (or resent) outside its window; not counted.',
    { validFrom: time, validUntil: time },
  ],
  [
    new LockedError('2026-01-01T10:05:00.000Z', 300),
    'Too many wrong codes; `lockedUntil` is null when only a support unlock ends it (and for a delivery, locked for good: create a new one).',
    { lockedUntil: z.nullable(time) },
    [DeliveryLockedError.name],
  ],
  [
    new ResendTooSoonError('2026-01-01T10:01:00.000Z', 60),
    'Within the resend cooldown of this user, purpose and channel.',
    { resendAvailableAt: time },
  ],
  [
    new SendLimitExceededError('hour', 1800),
    'An hourly or daily send cap is reached (`scope` hour or day), or an abuse limit on SMS and voice (`scope` prefix, country, ip, key or service, with the user’s other factors as `alternatives`).',
    {
      scope: z.enum(['hour', 'day', 'prefix', 'country', 'ip', 'key', 'service']),
      alternatives: z.optional(
        z.array(
          z.looseObject({
            factorId: z.string(),
            channel: z.enum(DELIVERY_CHANNELS),
            destinationMasked: z.string(),
          }),
        ),
      ),
    },
  ],
  [
    new DestinationBlockedError('low_conversion', [], { scope: 'prefix', retryAfterSeconds: 21_600 }),
    'SMS and voice may not go to this number: its country is not allowed (`country_not_allowed`), or codes sent to its number prefix or country are rarely entered (`low_conversion`, with `scope` and `Retry-After`); `alternatives` are the user’s other factors.',
    {
      reason: z.enum(['country_not_allowed', 'number_type', 'low_conversion']),
      scope: z.optional(z.enum(['prefix', 'country'])),
      alternatives: z.array(
        z.looseObject({
          factorId: z.string(),
          channel: z.enum(DELIVERY_CHANNELS),
          destinationMasked: z.string(),
        }),
      ),
    },
  ],
  [
    new DeliveryFailedError('sms', []),
    'The SMS, email or voice provider refused the message.',
    {
      channel: z.enum(DELIVERY_CHANNELS),
      alternatives: z.array(
        z.looseObject({
          factorId: z.string(),
          channel: z.enum(DELIVERY_CHANNELS),
          destinationMasked: z.string(),
        }),
      ),
    },
  ],
  [new UnavailableError(), 'A dependency failed after retries; nothing was half-written.', {}],
];

export const PROBLEMS: readonly ProblemEntry[] = entries
  .map(([error, when, extras, also]) => ({
    className: error.constructor.name,
    alsoClassNames: also ?? [],
    status: statusOf(error),
    code: error.code,
    title: error.title,
    when,
    extras,
    retryAfter: error.retryAfterSeconds !== undefined,
    example: error.message,
  }))
  .sort((a, b) => a.status - b.status);

export function problemEntry(code: string): ProblemEntry {
  const entry = PROBLEMS.find((p) => p.code === code);
  if (!entry) throw new Error(`no problem code ${code} in the catalogue`);
  return entry;
}
