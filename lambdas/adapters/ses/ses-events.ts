/**
 * SES delivery events (published by the configuration set through SNS), read into
 * the outcome of the message they report on. The message tags set at send time
 * identify it; anything else is not ours and reads as undefined.
 */
import * as z from 'zod/v4-mini';
import '../../contract/zod';
import type { DeliveryStatus } from '../../domain/records';
import type { DeliveryOutcomeRecord } from '../../ports/message-outcomes';
import { REFERENCE_TAG } from '../../ports/sender';

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
