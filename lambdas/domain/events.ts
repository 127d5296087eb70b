/**
 * Account events: the owner's record of what happened (docs/api.md, "Account activity and support").
 * Destinations appear only masked; codes never.
 */
import type { DeliveryChannel } from './channel';

export const EVENT_TYPES = [
  'challenge_sent',
  'challenge_delivery_failed',
  'verification_succeeded',
  'verification_failed',
  'locked',
  'unlocked',
  'factor_added',
  'factor_activated',
  'factor_removed',
  'recovery_code_used',
  'recovery_codes_regenerated',
  'device_remembered',
  'device_revoked',
  'unrequested_code_reported',
  // A security notice that every destination of the owner's was capped for: recorded, not sent.
  'notice_not_sent',
  // An SMS or voice send refused by an abuse limit (`reason` names it): nothing was sent.
  'send_blocked',
  // Monitor mode: a send the conversion guard would have blocked went out (`reason` low_conversion).
  'send_flagged',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface RequestContext {
  readonly ip?: string;
  readonly userAgent?: string;
}

export interface AccountEvent {
  readonly eventId: string;
  readonly userId: string;
  readonly type: EventType;
  readonly at: number;
  readonly channel?: DeliveryChannel | 'totp' | 'recovery_code';
  readonly factorId?: string;
  readonly purpose?: string;
  /** For `notice_not_sent`: which notice. */
  readonly notice?: string;
  /** For `send_blocked`: the limit's scope, or `low_conversion`; for `send_flagged`, `low_conversion`. */
  readonly reason?: string;
  readonly context?: RequestContext;
}
