import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { SesEmailSender } from '../../lambdas/adapters/ses/email-sender';

describe('Class: SesEmailSender', () => {
  describe('Method: send (with a delivery reference)', () => {
    it('tags the email so its delivery events find the challenge', async () => {
      // Prepare
      const ses = mockClient(SESv2Client);
      ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
      const sender = new SesEmailSender(new SESv2Client({ region: 'us-east-1' }), {
        from: 'no-reply@example.com',
        configurationSet: 'onetime',
      });
      // Act
      await sender.send({
        channel: 'email',
        to: 'jane@example.com',
        subject: 's',
        text: 't',
        html: 'h',
        reference: { userId: 'org:42@eu', challengeId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', deliveryIndex: 2 },
      });
      // Assess
      expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input).toEqual({
        FromEmailAddress: 'no-reply@example.com',
        Destination: { ToAddresses: ['jane@example.com'] },
        Content: {
          Simple: {
            Subject: { Data: 's', Charset: 'UTF-8' },
            Body: { Text: { Data: 't', Charset: 'UTF-8' }, Html: { Data: 'h', Charset: 'UTF-8' } },
          },
        },
        ConfigurationSetName: 'onetime',
        EmailTags: [
          { Name: 'onetime_user', Value: Buffer.from('org:42@eu').toString('base64url') },
          { Name: 'onetime_challenge', Value: '01ARZ3NDEKTSV4RRFFQ69G5FAV' },
          { Name: 'onetime_delivery', Value: '2' },
        ],
      });
      ses.restore();
    });
  });
});
