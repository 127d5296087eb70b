/**
 * Port: what the use cases report having done, for the business metrics (codes sent
 * and refused per channel, verifications approved and failed, lockouts). The use
 * cases say what happened; an adapter decides what a metric is.
 */
import type { DeliveryChannel } from '../domain/channel';

export type Outcome =
  | { readonly kind: 'code_sent'; readonly channel: DeliveryChannel }
  | { readonly kind: 'delivery_failed'; readonly channel: DeliveryChannel }
  | { readonly kind: 'verification_approved' }
  | { readonly kind: 'verification_failed' }
  | { readonly kind: 'lockout' }
  /** An out-of-band code entered: with code_sent, conversion per channel. */
  | { readonly kind: 'code_approved'; readonly channel: string }
  /** A send refused by an abuse limit (`rate_limit`) or a destination block (its reason). */
  | { readonly kind: 'send_blocked'; readonly scope: string; readonly reason: string }
  /** Monitor mode: a send the conversion guard would have blocked, sent anyway. */
  | {
      readonly kind: 'send_flagged';
      readonly scope: string;
      readonly reason: string;
      readonly channel: string;
    };

export interface OutcomeSink {
  /** Must not throw or wait: a metric never fails or slows a request. */
  record(outcome: Outcome): void;
}

export const ignoreOutcomes: OutcomeSink = { record: () => undefined };
