/**
 * SnsSmsSender against a mocked SNS client: the exact Publish input, and how each
 * SNS error becomes a DeliveryRefusedError reason without leaking the number.
 */
import {
  AuthorizationErrorException,
  EndpointDisabledException,
  InternalErrorException,
  InvalidParameterException,
  InvalidParameterValueException,
  KMSDisabledException,
  KMSThrottlingException,
  OptedOutException,
  PublishCommand,
  SNSClient,
  SNSServiceException,
  ThrottledException,
  ValidationException,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { SnsSmsSender } from '../../lambdas/adapters/sns/sms-sender';
import { DeliveryRefusedError, type RefusalReason } from '../../lambdas/ports/sender';
import { type SmsMessage } from '../../lambdas/domain/outbound-message';

const client = new SNSClient({ region: 'us-east-1' });
const sns = mockClient(client);
const message: SmsMessage = { channel: 'sms', to: '+14155550100', body: '123456 is your code.' };
const badNumber = 'Invalid parameter: PhoneNumber Reason: +14155550100 is not valid to publish to';

describe('Module: sms-sender', () => {
  beforeEach(() => sns.reset());

  describe('Method: SnsSmsSender.send', () => {
    it('publishes a transactional SMS and returns the SNS message id', async () => {
      // Prepare
      sns.on(PublishCommand).resolves({ MessageId: 'sns-1' });
      const sender = new SnsSmsSender(client, {});

      // Act
      const receipt = await sender.send(message);

      // Assess
      expect(receipt).toEqual({ messageId: 'sns-1' });
      expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
      expect(sns.commandCalls(PublishCommand)[0]?.args[0].input).toEqual({
        PhoneNumber: '+14155550100',
        Message: '123456 is your code.',
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        },
      });
    });

    it('adds the sender ID and origination number when configured', async () => {
      // Prepare
      sns.on(PublishCommand).resolves({ MessageId: 'sns-2' });
      const sender = new SnsSmsSender(client, { senderId: 'ONETIME', originationNumber: '+18885550100' });

      // Act
      await sender.send(message);

      // Assess
      expect(sns.commandCalls(PublishCommand)[0]?.args[0].input).toEqual({
        PhoneNumber: '+14155550100',
        Message: '123456 is your code.',
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'ONETIME' },
          'AWS.MM.SMS.OriginationNumber': { DataType: 'String', StringValue: '+18885550100' },
        },
      });
    });

    it('refuses anything but an SMS without calling SNS', async () => {
      // Prepare
      const sender = new SnsSmsSender(client, {});

      // Act
      const sending = sender.send({ channel: 'voice', to: '+14155550100', ssml: '<speak/>', text: '' });

      // Assess
      await expect(sending).rejects.toThrow(TypeError);
      expect(sns.calls()).toHaveLength(0);
    });

    const meta = { $metadata: { requestId: 'req-1' } };
    it.each<[string, () => Error, RefusalReason]>([
      ['OptedOutException', () => new OptedOutException({ message: 'opted out', ...meta }), 'opted_out'],
      [
        'InvalidParameterException (phone number)',
        () => new InvalidParameterException({ message: badNumber, ...meta }),
        'invalid_destination',
      ],
      [
        'InvalidParameterValueException (phone number)',
        () => new InvalidParameterValueException({ message: badNumber, ...meta }),
        'invalid_destination',
      ],
      [
        'ValidationException (phone number)',
        () => new ValidationException({ message: 'Invalid phone number', Message: 'x', ...meta }),
        'invalid_destination',
      ],
      [
        'InvalidParameterException (other parameter)',
        () => new InvalidParameterException({ message: 'Invalid parameter: MessageAttributes', ...meta }),
        'rejected',
      ],
      ['ThrottledException', () => new ThrottledException({ message: 'slow down', ...meta }), 'throttled'],
      [
        'KMSThrottlingException',
        () => new KMSThrottlingException({ message: 'slow down', ...meta }),
        'throttled',
      ],
      [
        'Throttling (generic service error)',
        () =>
          new SNSServiceException({
            name: 'Throttling',
            $fault: 'client',
            message: 'Rate exceeded',
            ...meta,
          }),
        'throttled',
      ],
      [
        'EndpointDisabledException',
        () => new EndpointDisabledException({ message: 'disabled', ...meta }),
        'rejected',
      ],
      [
        'AuthorizationErrorException',
        () => new AuthorizationErrorException({ message: 'denied', ...meta }),
        'provider_error',
      ],
      ['KMSDisabledException', () => new KMSDisabledException({ message: 'off', ...meta }), 'provider_error'],
      [
        'InternalErrorException',
        () => new InternalErrorException({ message: 'boom', ...meta }),
        'provider_error',
      ],
      ['a network error', () => new Error('socket hang up'), 'provider_error'],
    ])('maps %s to %s', async (_name, makeError, reason) => {
      // Prepare
      sns.on(PublishCommand).rejects(makeError());
      const sender = new SnsSmsSender(client, {});

      // Act
      const error: unknown = await sender.send(message).catch((e: unknown) => e);

      // Assess
      expect(error).toBeInstanceOf(DeliveryRefusedError);
      expect(error).toMatchObject({ channel: 'sms', reason });
      const cause = (error as DeliveryRefusedError).cause as Error;
      expect(cause.message).not.toContain('4155550100');
    });
  });
});
