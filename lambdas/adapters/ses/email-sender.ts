/**
 * Email through Amazon SES v2 `SendEmail`: the Sender port's email adapter.
 *
 * A simple (not raw) message with a plain-text and an HTML part, all UTF-8, so SES
 * builds the MIME structure and every client can show one of them. SDK errors become
 * DeliveryRefusedError reasons; the raw error is not kept as the cause because SES
 * may quote the address in its messages and errors get logged.
 */
import type { SendEmailCommandInput, SESv2Client } from '@aws-sdk/client-sesv2';
import {
  DeliveryRefusedError,
  REFERENCE_TAG,
  type RefusalReason,
  type SendReceipt,
  type Sender,
} from '../../ports/sender';
import { type DeliveryReference, type OutboundMessage } from '../../domain/outbound-message';
import { redactedCause } from '../redacted-cause';

export interface SesEmailSenderOptions {
  /** Verified "From" address, optionally with a display name: `Acme <no-reply@acme.example>`. */
  readonly from: string;
  /** SES configuration set that publishes delivery and bounce events. @default unset */
  readonly configurationSet?: string;
}

const CHARSET = 'UTF-8';

// Sending is refused for the account or the sender, not for this address.
const REJECTED = new Set([
  'MessageRejected',
  'AccountSuspendedException',
  'SendingPausedException',
  'MailFromDomainNotVerifiedException',
]);
const THROTTLED = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'Throttling',
  'ThrottlingException',
]);

export class SesEmailSender implements Sender {
  constructor(
    private readonly client: SESv2Client,
    private readonly options: SesEmailSenderOptions,
  ) {}

  async send(message: OutboundMessage): Promise<SendReceipt> {
    if (message.channel !== 'email') {
      throw new TypeError(`SesEmailSender sends email messages only, got ${message.channel}`);
    }
    const input: SendEmailCommandInput = {
      FromEmailAddress: this.options.from,
      Destination: { ToAddresses: [message.to] },
      Content: {
        Simple: {
          Subject: { Data: message.subject, Charset: CHARSET },
          Body: {
            Text: { Data: message.text, Charset: CHARSET },
            Html: { Data: message.html, Charset: CHARSET },
          },
        },
      },
    };
    if (this.options.configurationSet !== undefined)
      input.ConfigurationSetName = this.options.configurationSet;
    // Tags come back in the configuration set's events: that is how a bounce finds its challenge.
    if (message.reference) input.EmailTags = referenceTags(message.reference);
    try {
      // The SDK module is imported when first used, not at module load: cold starts that
      // never send this kind of message never load it (see lambdas/adapters/lazy.ts).
      const { SendEmailCommand } = await import('@aws-sdk/client-sesv2');
      const output = await this.client.send(new SendEmailCommand(input));
      return { messageId: output.MessageId ?? '' };
    } catch (error) {
      throw new DeliveryRefusedError('email', emailRefusalReason(error), {
        cause: redactedCause('SES', error),
      });
    }
  }
}

/**
 * SES tag values allow only letters, digits, `_`, `-` and `.`: the user id (which may
 * hold `:` and `@`) travels base64url-encoded.
 */
export function referenceTags(reference: DeliveryReference): Array<{ Name: string; Value: string }> {
  return [
    { Name: REFERENCE_TAG.user, Value: Buffer.from(reference.userId, 'utf8').toString('base64url') },
    { Name: REFERENCE_TAG.challenge, Value: reference.challengeId },
    { Name: REFERENCE_TAG.delivery, Value: String(reference.deliveryIndex) },
  ];
}

/** How an SES SendEmail error reads to the caller. */
export function emailRefusalReason(error: unknown): RefusalReason {
  const name = error instanceof Error ? error.name : '';
  // SES answers BadRequest for an address it cannot parse; our own fields are fixed.
  if (name === 'BadRequestException') return 'invalid_destination';
  if (REJECTED.has(name)) return 'rejected';
  if (THROTTLED.has(name)) return 'throttled';
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  if (status === 429) return 'throttled';
  return 'provider_error';
}
