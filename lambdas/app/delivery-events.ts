/**
 * SES delivery events (published by the configuration set through SNS) recorded
 * on the challenge they belong to, so `GET .../challenges/{id}` can say whether
 * the code was delivered. The message tags set at send time identify it.
 */
import * as z from 'zod/v4-mini';
import '../http/zod';
import type { DeliveryStatus } from '../domain/records';
import type { Log } from '../observability/log';
import { REFERENCE_TAG } from '../ports/sender';
import type { DeliveryOutcomeRecord, Store } from '../ports/store';

// SES event types and what they mean for our delivery record. A complaint means it
// was delivered (and marked as spam); an open or click says nothing new.
const STATUS_BY_EVENT: Readonly<Record<string, DeliveryStatus>> = {
  Send: 'sent',
  Delivery: 'delivered',
  Complaint: 'delivered',
  Bounce: 'failed',
  Reject: 'failed',
  'Rendering Failure': 'failed',
};

const tag = z.array(z.string()).check(z.minLength(1));
const sesEvent = z.object({
  eventType: z.string(),
  mail: z.object({
    timestamp: z.optional(z.string()),
    tags: z.object({
      [REFERENCE_TAG.user]: tag,
      [REFERENCE_TAG.challenge]: tag,
      [REFERENCE_TAG.delivery]: tag,
    }),
  }),
  bounce: z.optional(z.object({ timestamp: z.optional(z.string()), bounceType: z.optional(z.string()) })),
  delivery: z.optional(z.object({ timestamp: z.optional(z.string()) })),
});

/** Reads one SES event; undefined for events that are not ours or say nothing about delivery. */
export function outcomeOf(message: string, receivedAt: number): DeliveryOutcomeRecord | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return undefined;
  }
  const event = sesEvent.safeParse(parsed);
  if (!event.success) return undefined;
  const { eventType, mail } = event.data;
  const status = STATUS_BY_EVENT[eventType];
  // A transient (soft) bounce may still be delivered on a later try.
  if (!status || (eventType === 'Bounce' && event.data.bounce?.bounceType === 'Transient')) return undefined;
  const deliveryIndex = Number(mail.tags[REFERENCE_TAG.delivery][0]);
  if (!Number.isInteger(deliveryIndex) || deliveryIndex < 0 || deliveryIndex > 1000) return undefined;
  const stamp = event.data.delivery?.timestamp ?? event.data.bounce?.timestamp ?? mail.timestamp;
  const stamped = stamp !== undefined ? Date.parse(stamp) : NaN;
  const at = Number.isNaN(stamped) ? receivedAt : stamped;
  return {
    userId: Buffer.from(mail.tags[REFERENCE_TAG.user][0] as string, 'base64url').toString('utf8'),
    challengeId: mail.tags[REFERENCE_TAG.challenge][0] as string,
    deliveryIndex,
    status,
    at,
  };
}

export interface DeliveryEventDeps {
  readonly store: Store;
  readonly log: Log;
  readonly now: () => number;
  /**
   * Runs after a failure is recorded: a fallback ladder whose step this message was
   * moves on at once (advanceLadderAfterFailure in lambdas/app/fallback-step.ts).
   */
  readonly onFailed?: (failed: DeliveryOutcomeRecord) => Promise<void>;
}

export async function recordDeliveryEvents(
  deps: DeliveryEventDeps,
  messages: readonly string[],
): Promise<number> {
  let recorded = 0;
  for (const message of messages) {
    const outcome = outcomeOf(message, deps.now());
    if (!outcome) continue;
    if (await deps.store.recordDeliveryStatus(outcome)) {
      recorded++;
      if (outcome.status === 'failed') await deps.onFailed?.(outcome);
    } else deps.log.info('delivery event for an unknown or finished delivery', { status: outcome.status });
  }
  return recorded;
}
