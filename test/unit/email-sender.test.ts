/**
 * SesEmailSender against a mocked SES v2 client: the exact SendEmail input, and how
 * each SES error becomes a DeliveryRefusedError reason.
 */
import {
  AccountSuspendedException,
  BadRequestException,
  LimitExceededException,
  MailFromDomainNotVerifiedException,
  MessageRejected,
  NotFoundException,
  SESv2Client,
  SendEmailCommand,
  SendingPausedException,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { SesEmailSender } from '../../lambdas/adapters/ses/email-sender';
import { DeliveryRefusedError, type RefusalReason } from '../../lambdas/ports/sender';
import { type EmailMessage } from '../../lambdas/domain/outbound-message';

const client = new SESv2Client({ region: 'us-east-1' });
const ses = mockClient(client);
const message: EmailMessage = {
  channel: 'email',
  to: 'jo@example.com',
  subject: 'Your onetime sign-in code',
  text: 'Your code is 123456',
  html: '<p>Your code is <strong>123456</strong></p>',
};

describe('Module: email-sender', () => {
  beforeEach(() => ses.reset());

  describe('Method: SesEmailSender.send', () => {
    it('sends a simple UTF-8 message with text and HTML parts', async () => {
      // Prepare
      ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
      const sender = new SesEmailSender(client, { from: 'onetime <no-reply@example.com>' });

      // Act
      const receipt = await sender.send(message);

      // Assess
      expect(receipt).toEqual({ messageId: 'ses-1' });
      expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
      expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input).toEqual({
        FromEmailAddress: 'onetime <no-reply@example.com>',
        Destination: { ToAddresses: ['jo@example.com'] },
        Content: {
          Simple: {
            Subject: { Data: 'Your onetime sign-in code', Charset: 'UTF-8' },
            Body: {
              Text: { Data: 'Your code is 123456', Charset: 'UTF-8' },
              Html: { Data: '<p>Your code is <strong>123456</strong></p>', Charset: 'UTF-8' },
            },
          },
        },
      });
    });

    it('names the configuration set when one is configured', async () => {
      // Prepare
      ses.on(SendEmailCommand).resolves({ MessageId: 'ses-2' });
      const sender = new SesEmailSender(client, {
        from: 'no-reply@example.com',
        configurationSet: 'onetime',
      });

      // Act
      await sender.send(message);

      // Assess
      expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input).toEqual({
        FromEmailAddress: 'no-reply@example.com',
        Destination: { ToAddresses: ['jo@example.com'] },
        Content: {
          Simple: {
            Subject: { Data: 'Your onetime sign-in code', Charset: 'UTF-8' },
            Body: {
              Text: { Data: 'Your code is 123456', Charset: 'UTF-8' },
              Html: { Data: '<p>Your code is <strong>123456</strong></p>', Charset: 'UTF-8' },
            },
          },
        },
        ConfigurationSetName: 'onetime',
      });
    });

    it('refuses anything but an email without calling SES', async () => {
      // Prepare
      const sender = new SesEmailSender(client, { from: 'no-reply@example.com' });

      // Act
      const sending = sender.send({ channel: 'sms', to: '+14155550100', body: 'hi' });

      // Assess
      await expect(sending).rejects.toThrow(TypeError);
      expect(ses.calls()).toHaveLength(0);
    });

    const meta = { $metadata: { requestId: 'req-1' } };
    it.each<[string, () => Error, RefusalReason]>([
      [
        'MessageRejected',
        () => new MessageRejected({ message: 'Email address is not verified', ...meta }),
        'rejected',
      ],
      [
        'AccountSuspendedException',
        () => new AccountSuspendedException({ message: 'suspended', ...meta }),
        'rejected',
      ],
      [
        'SendingPausedException',
        () => new SendingPausedException({ message: 'paused', ...meta }),
        'rejected',
      ],
      [
        'MailFromDomainNotVerifiedException',
        () => new MailFromDomainNotVerifiedException({ message: 'unverified', ...meta }),
        'rejected',
      ],
      [
        'BadRequestException',
        () => new BadRequestException({ message: 'Missing final @domain', ...meta }),
        'invalid_destination',
      ],
      [
        'TooManyRequestsException',
        () => new TooManyRequestsException({ message: 'slow down', ...meta }),
        'throttled',
      ],
      [
        'LimitExceededException',
        () => new LimitExceededException({ message: 'quota', ...meta }),
        'throttled',
      ],
      [
        'NotFoundException',
        () => new NotFoundException({ message: 'no such set', ...meta }),
        'provider_error',
      ],
      ['a network error', () => new Error('ECONNRESET'), 'provider_error'],
    ])('maps %s to %s', async (_name, makeError, reason) => {
      // Prepare
      ses.on(SendEmailCommand).rejects(makeError());
      const sender = new SesEmailSender(client, { from: 'no-reply@example.com' });

      // Act
      const error: unknown = await sender.send(message).catch((e: unknown) => e);

      // Assess
      expect(error).toBeInstanceOf(DeliveryRefusedError);
      expect(error).toMatchObject({ channel: 'email', reason });
    });
  });
});
