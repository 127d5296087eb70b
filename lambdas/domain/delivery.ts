/**
 * Package-delivery codes: one code per delivery, the same for every resend, valid
 * only inside its delivery window, confirmed once by the courier app; wrong codes
 * are counted per delivery (ONETIME_MAX_ATTEMPTS, then the delivery is locked).
 */
import type { DeliveryChannel } from './channel';

export interface DeliveryRecord {
  readonly deliveryId: string;
  readonly userId: string;
  readonly factorId?: string;
  readonly channel: DeliveryChannel;
  /** Whole destination, to resend to; never leaves the service. */
  readonly destination: string;
  readonly destinationMasked: string;
  /** The code is derived from this seed under the server secret, as for challenges. */
  readonly seed: string;
  readonly codeLength: number;
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly status: 'pending' | 'delivered';
  readonly failures: number;
  readonly lastSentAt: number;
  readonly createdAt: number;
  readonly confirmedAt?: number;
}

/** Longest delivery window accepted: a code that lives for weeks is no longer one-time. */
export const MAX_WINDOW_MS = 14 * 86_400_000;

/** How long a delivery record outlives its window, so late entries get a precise answer. */
export const DELIVERY_RETENTION_MS = 7 * 86_400_000;

export type WindowPosition = 'before' | 'inside' | 'after';

export function windowPosition(
  d: Pick<DeliveryRecord, 'windowStart' | 'windowEnd'>,
  now: number,
): WindowPosition {
  if (now < d.windowStart) return 'before';
  return now < d.windowEnd ? 'inside' : 'after';
}
