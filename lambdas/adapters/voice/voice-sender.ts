/**
 * Voice calls through AWS End User Messaging SMS and Voice v2 `SendVoiceMessage`:
 * the Sender port's voice adapter. The call reads the rendered SSML with the Amazon
 * Polly voice of the message's language. SendVoiceMessage takes a `VoiceId` and no
 * language code: the voice decides the language, so each spoken language maps to one
 * voice (its Polly language code is kept beside it, and a test checks the pair).
 * Languages without a voice are rendered in English upstream (lambdas/domain/locale.ts).
 * SDK errors become DeliveryRefusedError reasons; the raw error is not kept as the
 * cause because its message may quote the phone number.
 */
import type {
  PinpointSMSVoiceV2Client,
  SendVoiceMessageCommandInput,
  VoiceId,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { DeliveryRefusedError, type RefusalReason, type SendReceipt, type Sender } from '../../ports/sender';
import { type OutboundMessage } from '../../domain/outbound-message';
import { SPOKEN_LANGUAGES, type SpokenLanguage } from '../../domain/locale';
import { redactedCause } from '../redacted-cause';

export interface SpokenVoice {
  readonly voiceId: VoiceId;
  /** The Polly language code the voice speaks (not a SendVoiceMessage parameter). */
  readonly languageCode: string;
}

/**
 * One voice per spoken language, among the standard Polly voices SendVoiceMessage
 * accepts (its `VoiceId` enum). Spanish uses the Mexican voice, the variety most
 * Spanish speakers hear as neutral; Portuguese the Brazilian one, like the catalogue.
 */
export const VOICES: Readonly<Record<SpokenLanguage, SpokenVoice>> = {
  en: { voiceId: 'JOANNA', languageCode: 'en-US' },
  de: { voiceId: 'VICKI', languageCode: 'de-DE' },
  fr: { voiceId: 'LEA', languageCode: 'fr-FR' },
  es: { voiceId: 'MIA', languageCode: 'es-MX' },
  it: { voiceId: 'BIANCA', languageCode: 'it-IT' },
  'pt-BR': { voiceId: 'CAMILA', languageCode: 'pt-BR' },
  nl: { voiceId: 'LOTTE', languageCode: 'nl-NL' },
  sv: { voiceId: 'ASTRID', languageCode: 'sv-SE' },
  da: { voiceId: 'NAJA', languageCode: 'da-DK' },
  nb: { voiceId: 'LIV', languageCode: 'nb-NO' },
  pl: { voiceId: 'EWA', languageCode: 'pl-PL' },
  ro: { voiceId: 'CARMEN', languageCode: 'ro-RO' },
  tr: { voiceId: 'FILIZ', languageCode: 'tr-TR' },
  ru: { voiceId: 'TATYANA', languageCode: 'ru-RU' },
  ar: { voiceId: 'ZEINA', languageCode: 'arb' },
  ja: { voiceId: 'MIZUKI', languageCode: 'ja-JP' },
  ko: { voiceId: 'SEOYEON', languageCode: 'ko-KR' },
  'zh-CN': { voiceId: 'ZHIYU', languageCode: 'cmn-CN' },
};

function isSpoken(locale: string): locale is SpokenLanguage {
  return (SPOKEN_LANGUAGES as readonly string[]).includes(locale);
}

/** The voice for a message's language; English (or the configured English voice) for anything else. */
export function voiceFor(locale: string | undefined, englishVoice?: VoiceId): VoiceId {
  if (locale === undefined || locale === 'en' || !isSpoken(locale)) return englishVoice ?? VOICES.en.voiceId;
  return VOICES[locale].voiceId;
}

export interface VoiceSenderOptions {
  /** Phone number, pool or their ARN that places the call. */
  readonly originationIdentity: string;
  /** Amazon Polly voice of English calls (other languages use VOICES). @default 'JOANNA' */
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
      VoiceId: voiceFor(message.locale, this.options.voiceId),
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
