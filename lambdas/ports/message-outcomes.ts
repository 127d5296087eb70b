/**
 * Port: what became of each message a code was sent in: a provider's refusal at
 * hand-off, and its later reports (delivered, failed).
 */
import type { AccountEvent } from '../domain/events';
import type { DeliveryStatus } from '../domain/records';
import type { IdempotencyRecord } from './verification-state';

export interface DeliveryFailure {
  readonly userId: string;
  readonly challengeId: string;
  readonly deliveryIndex: number;
  readonly now: number;
  readonly events: readonly AccountEvent[];
  readonly idempotency?: IdempotencyRecord;
}

export interface DeliveryOutcomeRecord {
  readonly userId: string;
  readonly challengeId: string;
  readonly deliveryIndex: number;
  readonly status: DeliveryStatus;
  readonly at: number;
}

export interface MessageOutcomeStore {
  /** After the provider refused: mark the delivery failed and keep the refusal as the idempotent answer. */
  recordDeliveryFailure(input: DeliveryFailure): Promise<void>;

  /**
   * A provider's report on one delivery (SES events). A late "sent" never
   * overwrites "delivered" or "failed"; returns false when the challenge is gone.
   */
  recordDeliveryStatus(input: DeliveryOutcomeRecord): Promise<boolean>;
}
