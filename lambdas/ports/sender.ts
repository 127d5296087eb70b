/**
 * Port: hands a rendered message to a delivery service (SNS, SES, voice, or the
 * development outbox). A refusal is thrown as DeliveryRefusedError; the caller
 * turns it into `delivery_failed` with alternatives.
 */
import type { DeliveryChannel } from '../domain/channel';
import type { OutboundMessage } from '../domain/outbound-message';

/** The SES message tags that carry a DeliveryReference (the user id base64url-encoded), read back from SES events. */
export const REFERENCE_TAG = {
  user: 'onetime_user',
  challenge: 'onetime_challenge',
  delivery: 'onetime_delivery',
} as const;

export interface SendReceipt {
  /** The provider's message id, used to match delivery events later. */
  readonly messageId: string;
}

export type RefusalReason = 'opted_out' | 'invalid_destination' | 'throttled' | 'rejected' | 'provider_error';

export class DeliveryRefusedError extends Error {
  override readonly name = 'DeliveryRefusedError';
  constructor(
    readonly channel: DeliveryChannel,
    readonly reason: RefusalReason,
    options?: { cause?: unknown },
  ) {
    super(`${channel} delivery refused: ${reason}`, options);
  }
}

export interface Sender {
  send(message: OutboundMessage): Promise<SendReceipt>;
}
