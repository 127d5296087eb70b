/**
 * VoiceSender against a mocked End User Messaging SMS and Voice v2 client: the exact
 * SendVoiceMessage input, and how each error becomes a DeliveryRefusedError reason.
 */
import {
  AccessDeniedException,
  ConflictException,
  InternalServerException,
  PinpointSMSVoiceV2Client,
  ResourceNotFoundException,
  SendVoiceMessageCommand,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
  VoiceId,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { VOICES, VoiceSender } from '../../lambdas/adapters/voice/voice-sender';
import type { Language } from '../../lambdas/domain/catalogue';
import { SPOKEN_LANGUAGES } from '../../lambdas/domain/locale';
import { renderCodeMessage } from '../../lambdas/domain/messages';
import { DeliveryRefusedError, type RefusalReason } from '../../lambdas/ports/sender';
import { type VoiceMessage } from '../../lambdas/domain/outbound-message';

const client = new PinpointSMSVoiceV2Client({ region: 'us-east-1' });
const voice = mockClient(client);
const message: VoiceMessage = {
  channel: 'voice',
  to: '+14155550100',
  ssml: '<speak><say-as interpret-as="digits">1</say-as></speak>',
  text: 'Your code is 1.',
};

describe('Module: voice-sender', () => {
  beforeEach(() => voice.reset());

  describe('Method: VoiceSender.send', () => {
    it('places an SSML call with the default voice', async () => {
      // Prepare
      voice.on(SendVoiceMessageCommand).resolves({ MessageId: 'voice-1' });
      const sender = new VoiceSender(client, { originationIdentity: '+18885550100' });

      // Act
      const receipt = await sender.send(message);

      // Assess
      expect(receipt).toEqual({ messageId: 'voice-1' });
      expect(voice.commandCalls(SendVoiceMessageCommand)).toHaveLength(1);
      expect(voice.commandCalls(SendVoiceMessageCommand)[0]?.args[0].input).toEqual({
        DestinationPhoneNumber: '+14155550100',
        OriginationIdentity: '+18885550100',
        MessageBody: '<speak><say-as interpret-as="digits">1</say-as></speak>',
        MessageBodyTextType: 'SSML',
        VoiceId: 'JOANNA',
      });
    });

    it('uses the configured voice and configuration set', async () => {
      // Prepare
      voice.on(SendVoiceMessageCommand).resolves({ MessageId: 'voice-2' });
      const sender = new VoiceSender(client, {
        originationIdentity: 'pool-123',
        voiceId: 'MATTHEW',
        configurationSetName: 'onetime',
      });

      // Act
      await sender.send(message);

      // Assess
      expect(voice.commandCalls(SendVoiceMessageCommand)[0]?.args[0].input).toEqual({
        DestinationPhoneNumber: '+14155550100',
        OriginationIdentity: 'pool-123',
        MessageBody: '<speak><say-as interpret-as="digits">1</say-as></speak>',
        MessageBodyTextType: 'SSML',
        VoiceId: 'MATTHEW',
        ConfigurationSetName: 'onetime',
      });
    });

    // The whole path a call takes: rendered in the language, handed to the SDK with that language's voice.
    it.each<[Language, string, string, RegExp]>([
      ['en', '+14155550100', 'JOANNA', /^<speak>Hello\. This is Acme\. Your sign-in code is: /],
      ['de', '+4915112345678', 'VICKI', /^<speak>Guten Tag\. Hier ist Acme\. Ihr Anmeldecode lautet: /],
      ['ja', '+819012345678', 'MIZUKI', /^<speak>こんにちは。Acmeです。 ログインコードをお伝えします。 /],
      ['ar', '+966501234567', 'ZEINA', /^<speak>مرحبًا\. معك Acme\. رمز تسجيل الدخول الخاص بك هو: /],
      ['th', '+66812345678', 'JOANNA', /^<speak>Hello\. This is Acme\. Your sign-in code is: /],
    ])('calls %s with the exact parameters of its voice', async (locale, to, voiceId, opening) => {
      // Prepare
      voice.on(SendVoiceMessageCommand).resolves({ MessageId: `voice-${locale}` });
      const sender = new VoiceSender(client, { originationIdentity: 'pool-123', configurationSetName: 'onetime' });
      const call = renderCodeMessage(
        { channel: 'voice', to, code: '4071', purpose: 'sign_in', ttlSeconds: 600, locale },
        { serviceName: 'Acme', emailFrom: 'no-reply@example.com' },
      );

      // Act
      await sender.send(call);

      // Assess
      const input = voice.commandCalls(SendVoiceMessageCommand)[0]?.args[0].input;
      expect(input).toEqual({
        DestinationPhoneNumber: to,
        OriginationIdentity: 'pool-123',
        MessageBody: call.ssml,
        MessageBodyTextType: 'SSML',
        VoiceId: voiceId,
        ConfigurationSetName: 'onetime',
      });
      expect(input?.MessageBody).toMatch(opening);
      // Digits one by one, twice.
      expect([...call.ssml.matchAll(/<say-as interpret-as="digits">(\d)<\/say-as>/g)].map((m) => m[1]).join('')).toBe('40714071');
    }); // prettier-ignore

    it('has a voice the API accepts for every spoken language, speaking that language', () => {
      // Polly writes Arabic as arb and Mandarin as cmn.
      const languageOf = (code: string): string =>
        ({ arb: 'ar', cmn: 'zh' })[code.split('-')[0] as string] ?? (code.split('-')[0] as string);
      for (const language of SPOKEN_LANGUAGES) {
        const { voiceId, languageCode } = VOICES[language];
        expect(Object.values(VoiceId)).toContain(voiceId);
        expect(languageOf(languageCode)).toBe(language.split('-')[0]);
      }
    });

    it('speaks a language without a voice, or no language, with the configured English voice', async () => {
      // Prepare
      voice.on(SendVoiceMessageCommand).resolves({ MessageId: 'voice-3' });
      const sender = new VoiceSender(client, { originationIdentity: 'pool-123', voiceId: 'MATTHEW' });

      // Act
      await sender.send({ ...message, locale: 'he' });
      await sender.send(message);
      await sender.send({ ...message, locale: 'ko' });

      // Assess
      expect(voice.commandCalls(SendVoiceMessageCommand).map((c) => c.args[0].input.VoiceId)).toEqual([
        'MATTHEW',
        'MATTHEW',
        'SEOYEON',
      ]);
    });

    it('refuses anything but a voice message without calling the service', async () => {
      // Prepare
      const sender = new VoiceSender(client, { originationIdentity: '+18885550100' });

      // Act
      const sending = sender.send({ channel: 'sms', to: '+14155550100', body: 'hi' });

      // Assess
      await expect(sending).rejects.toThrow(TypeError);
      expect(voice.calls()).toHaveLength(0);
    });

    const meta = { $metadata: { requestId: 'req-1' } };
    it.each<[string, () => Error, RefusalReason]>([
      [
        'ConflictException DESTINATION_PHONE_NUMBER_OPTED_OUT',
        () =>
          new ConflictException({
            message: 'opted out',
            Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT',
            ...meta,
          }),
        'opted_out',
      ],
      [
        'ConflictException DESTINATION_PHONE_NUMBER_NOT_VERIFIED',
        () =>
          new ConflictException({
            message: 'sandbox',
            Reason: 'DESTINATION_PHONE_NUMBER_NOT_VERIFIED',
            ...meta,
          }),
        'rejected',
      ],
      [
        'ValidationException',
        () => new ValidationException({ message: 'bad number', Reason: 'INVALID_PARAMETER', ...meta }),
        'invalid_destination',
      ],
      ['ThrottlingException', () => new ThrottlingException({ message: 'slow down', ...meta }), 'throttled'],
      [
        'ServiceQuotaExceededException',
        () =>
          new ServiceQuotaExceededException({
            message: 'spend limit',
            Reason: 'MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE',
            ...meta,
          }),
        'throttled',
      ],
      [
        'AccessDeniedException',
        () => new AccessDeniedException({ message: 'denied', ...meta }),
        'provider_error',
      ],
      [
        'ResourceNotFoundException',
        () => new ResourceNotFoundException({ message: 'no such pool', ...meta }),
        'provider_error',
      ],
      [
        'InternalServerException',
        () => new InternalServerException({ message: 'boom', ...meta }),
        'provider_error',
      ],
      ['a network error', () => new Error('ETIMEDOUT'), 'provider_error'],
    ])('maps %s to %s', async (_name, makeError, reason) => {
      // Prepare
      voice.on(SendVoiceMessageCommand).rejects(makeError());
      const sender = new VoiceSender(client, { originationIdentity: '+18885550100' });

      // Act
      const error: unknown = await sender.send(message).catch((e: unknown) => e);

      // Assess
      expect(error).toBeInstanceOf(DeliveryRefusedError);
      expect(error).toMatchObject({ channel: 'voice', reason });
    });
  });
});
