/**
 * SMS through Amazon SNS `Publish` to a phone number: the Sender port's SMS adapter.
 *
 * Every message is `Transactional` (SNS routes those for reliability, not price).
 * SDK errors become DeliveryRefusedError reasons; the raw error is not kept as the
 * cause because SNS repeats the phone number in its messages and errors get logged.
 *
 * SNS accepts a publish to a number that replied STOP and drops it later (only the
 * delivery status log says "opted out"), so an opt-out is normally invisible here;
 * OptedOutException is still mapped in case SNS starts to raise it for Publish.
 */
import type { MessageAttributeValue, SNSClient } from '@aws-sdk/client-sns';
import { DeliveryRefusedError, type RefusalReason, type SendReceipt, type Sender } from '../../ports/sender';
import { type OutboundMessage } from '../../domain/outbound-message';
import { redactedCause } from '../redacted-cause';

export interface SnsSmsSenderOptions {
  /** Alphanumeric sender ID, where the destination country allows one. @default unset */
  readonly senderId?: string;
  /** E.164 origination number (toll-free, 10DLC, short code). @default unset */
  readonly originationNumber?: string;
}

const THROTTLING = new Set([
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'KMSThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);
const INVALID_REQUEST = new Set([
  'InvalidParameterException',
  'InvalidParameterValueException',
  'ValidationException',
]);

export class SnsSmsSender implements Sender {
  constructor(
    private readonly client: SNSClient,
    private readonly options: SnsSmsSenderOptions = {},
  ) {}

  async send(message: OutboundMessage): Promise<SendReceipt> {
    if (message.channel !== 'sms') {
      throw new TypeError(`SnsSmsSender sends sms messages only, got ${message.channel}`);
    }
    const attributes: Record<string, MessageAttributeValue> = {
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
    };
    if (this.options.senderId !== undefined) {
      attributes['AWS.SNS.SMS.SenderID'] = { DataType: 'String', StringValue: this.options.senderId };
    }
    if (this.options.originationNumber !== undefined) {
      attributes['AWS.MM.SMS.OriginationNumber'] = {
        DataType: 'String',
        StringValue: this.options.originationNumber,
      };
    }
    try {
      // Imported on first use: a cold start that sends no SMS never loads the SNS client.
      const { PublishCommand } = await import('@aws-sdk/client-sns');
      const output = await this.client.send(
        new PublishCommand({ PhoneNumber: message.to, Message: message.body, MessageAttributes: attributes }),
      );
      return { messageId: output.MessageId ?? '' };
    } catch (error) {
      throw new DeliveryRefusedError('sms', smsRefusalReason(error), { cause: redactedCause('SNS', error) });
    }
  }
}

/** How an SNS Publish error reads to the caller. */
export function smsRefusalReason(error: unknown): RefusalReason {
  const name = errorName(error);
  if (name === 'OptedOutException') return 'opted_out';
  if (isThrottling(error, name)) return 'throttled';
  if (INVALID_REQUEST.has(name)) {
    // "Invalid parameter: PhoneNumber Reason: … is not valid to publish to" is the
    // destination's fault; any other invalid parameter (sender ID, attributes) is ours.
    return /phone ?number/i.test(errorMessage(error)) ? 'invalid_destination' : 'rejected';
  }
  // Push endpoints only; kept apart from provider_error because a retry cannot help.
  if (name === 'EndpointDisabledException') return 'rejected';
  return 'provider_error';
}

function isThrottling(error: unknown, name: string): boolean {
  if (THROTTLING.has(name)) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { $retryable, $metadata } = error as {
    $retryable?: { throttling?: boolean };
    $metadata?: { httpStatusCode?: number };
  };
  return $retryable?.throttling === true || $metadata?.httpStatusCode === 429;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : '';
}
