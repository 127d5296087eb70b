/**
 * Voice calls through AWS End User Messaging SMS and Voice v2 `SendVoiceMessage`:
 * the Sender port's voice adapter. The call reads the rendered SSML with an Amazon
 * Polly voice. SDK errors become DeliveryRefusedError reasons; the raw error is not
 * kept as the cause because its message may quote the phone number.
 */
import type {
  PinpointSMSVoiceV2Client,
  SendVoiceMessageCommandInput,
  VoiceId,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {
  DeliveryRefusedError,
  type OutboundMessage,
  type RefusalReason,
  type SendReceipt,
  type Sender,
} from '../../ports/sender';
import { redactedCause } from '../redacted-cause';

export interface VoiceSenderOptions {
  /** Phone number, pool or their ARN that places the call. */
  readonly originationIdentity: string;
  /** Amazon Polly voice. @default 'JOANNA' */
  readonly voiceId?: VoiceId;
  /** Configuration set that publishes call events. @default unset */
  readonly configurationSetName?: string;
}

const THROTTLED = new Set(['ThrottlingException', 'ServiceQuotaExceededException', 'Throttling']);

export class VoiceSender implements Sender {
  constructor(
    private readonly client: PinpointSMSVoiceV2Client,
    private readonly options: VoiceSenderOptions,
  ) {}

  async send(message: OutboundMessage): Promise<SendReceipt> {
    if (message.channel !== 'voice') {
      throw new TypeError(`VoiceSender sends voice messages only, got ${message.channel}`);
    }
    const input: SendVoiceMessageCommandInput = {
      DestinationPhoneNumber: message.to,
      OriginationIdentity: this.options.originationIdentity,
      MessageBody: message.ssml,
      MessageBodyTextType: 'SSML',
      VoiceId: this.options.voiceId ?? 'JOANNA',
    };
    if (this.options.configurationSetName !== undefined) {
      input.ConfigurationSetName = this.options.configurationSetName;
    }
    try {
      // Imported on first use: a cold start that places no call never loads the voice client.
      const { SendVoiceMessageCommand } = await import('@aws-sdk/client-pinpoint-sms-voice-v2');
      const output = await this.client.send(new SendVoiceMessageCommand(input));
      return { messageId: output.MessageId ?? '' };
    } catch (error) {
      throw new DeliveryRefusedError('voice', voiceRefusalReason(error), {
        cause: redactedCause('Voice', error, (error as { Reason?: string } | null)?.Reason),
      });
    }
  }
}

/** How a SendVoiceMessage error reads to the caller. */
export function voiceRefusalReason(error: unknown): RefusalReason {
  const name = error instanceof Error ? error.name : '';
  if (name === 'ConflictException') {
    const reason = (error as { Reason?: string }).Reason;
    // Other conflicts (unverified sandbox number, blocked by a protect configuration)
    // are the account's settings refusing this call, not a fault of the number.
    return reason === 'DESTINATION_PHONE_NUMBER_OPTED_OUT' ? 'opted_out' : 'rejected';
  }
  if (name === 'ValidationException') return 'invalid_destination';
  if (THROTTLED.has(name)) return 'throttled';
  return 'provider_error';
}
