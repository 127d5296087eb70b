/**
 * Port: persistence of delivery codes. As with Store, each method is one round
 * trip whose guarantees (created once, one send per cooldown, confirmed once, at
 * most the limit of wrong codes) are enforced atomically by the database.
 */
import type { DeliveryRecord } from '../domain/delivery';
import type { AccountEvent } from '../domain/events';
import type { SendCounters, SendRefusalReason } from './verification-state';

export type { SendRefusalReason };

export interface DeliveryStore {
  getDelivery(deliveryId: string, now: number): Promise<DeliveryRecord | undefined>;
  /** Creates the delivery and counts its first send; `exists` when the id is taken. */
  createDelivery(input: {
    record: DeliveryRecord;
    counters: SendCounters;
    events: readonly AccountEvent[];
  }): Promise<{ ok: true } | { ok: false; reason: 'exists' | SendRefusalReason }>;
  /**
   * Counts a resend of the same code, at most one per cooldown, and none once
   * `maxAttempts` wrong codes were counted (`locked`).
   */
  recordResend(input: {
    deliveryId: string;
    userId: string;
    now: number;
    cooldownCutoff: number;
    maxAttempts: number;
    counters: SendCounters;
  }): Promise<{ ok: true } | { ok: false; reason: 'not_pending' | 'locked' | SendRefusalReason }>;
  /** Confirms once, while fewer than `maxAttempts` wrong codes were counted. */
  confirm(deliveryId: string, now: number, maxAttempts: number): Promise<boolean>;
  /** Counts one wrong code while below the limit; returns the count after, or undefined if refused. */
  countFailure(deliveryId: string, maxAttempts: number): Promise<number | undefined>;
}
