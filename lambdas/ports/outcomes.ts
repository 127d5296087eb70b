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
  | { readonly kind: 'lockout' };

export interface OutcomeSink {
  /** Must not throw or wait: a metric never fails or slows a request. */
  record(outcome: Outcome): void;
}

export const ignoreOutcomes: OutcomeSink = { record: () => undefined };
