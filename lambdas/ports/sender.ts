/**
 * Port: hands a rendered message to a delivery service (SNS, SES, voice, or the
 * development outbox). A refusal is thrown as DeliveryRefusedError; the caller
 * turns it into `delivery_failed` with alternatives.
 */
import type { DeliveryChannel } from '../domain/channel';

/**
 * Which delivery of which code a message is, carried through the provider (SES
 * message tags, voice context) so its delivery events can be matched back.
 */
export interface DeliveryReference {
  readonly userId: string;
  readonly challengeId: string;
  readonly deliveryIndex: number;
}

/** The SES message tags that carry a DeliveryReference (the user id base64url-encoded), read back from SES events. */
export const REFERENCE_TAG = {
  user: 'onetime_user',
  challenge: 'onetime_challenge',
  delivery: 'onetime_delivery',
} as const;

export interface SmsMessage {
  /** BCP 47 tag of the language the message is written (or spoken) in. @default 'en' */
  readonly locale?: string;
  readonly channel: 'sms';
  readonly reference?: DeliveryReference;
  /** E.164 phone number. */
  readonly to: string;
  readonly body: string;
}

export interface VoiceMessage {
  /** BCP 47 tag of the language the message is written (or spoken) in. @default 'en' */
  readonly locale?: string;
  readonly channel: 'voice';
  readonly reference?: DeliveryReference;
  /** E.164 phone number. */
  readonly to: string;
  /** SSML that reads the digits one by one, twice. */
  readonly ssml: string;
  /** The same words as plain text (outbox, logs of length only). */
  readonly text: string;
}

export interface EmailMessage {
  /** BCP 47 tag of the language the message is written (or spoken) in. @default 'en' */
  readonly locale?: string;
  readonly channel: 'email';
  readonly reference?: DeliveryReference;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export type OutboundMessage = SmsMessage | VoiceMessage | EmailMessage;

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
