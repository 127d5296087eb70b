/**
 * The catalogue's refusals that say when, or how, to go on: locks, cooldowns, send
 * limits, a provider's refusal and an unavailable dependency.
 */
import type { AbuseScope } from './abuse-limits';
import type { DeliveryChannel } from './channel';
import { DomainError, type Alternative, type ProblemExtras } from './errors';

export class LockedError extends DomainError {
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
  readonly code = 'unavailable';
  readonly title = 'Service unavailable';
  override readonly retryAfterSeconds = 5;
  constructor(options?: { cause?: unknown }) {
    super('A dependency is unavailable; nothing was changed. Try again shortly.', options);
  }
}
