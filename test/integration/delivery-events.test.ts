/**
 * SES delivery events recorded on the challenge they belong to, matched by the
 * message tags set at send time.
 */
import type { SNSEvent } from 'aws-lambda';
import { outcomeOf } from '../../lambdas/adapters/ses/ses-events';
import { makeDeliveryEventsHandler } from '../../lambdas/handlers/delivery-events';
import { silentLog } from '../../local/local-app';
import { testApp } from './harness';

const EMAIL = 'jane@example.com';

/** SES and SNS stamp their events a few seconds after the send, on the test's clock. */
let sentAt = 0;
const stamp = (seconds: number) => new Date(sentAt + seconds * 1000).toISOString();

function snsEvent(...messages: unknown[]): SNSEvent {
  return {
    Records: messages.map((m) => ({
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      EventSubscriptionArn: 'arn:aws:sns:us-east-1:000000000000:ses-events:sub',
      Sns: {
        Type: 'Notification',
        MessageId: 'm',
        TopicArn: 'arn:aws:sns:us-east-1:000000000000:ses-events',
        Subject: '',
        Message: JSON.stringify(m),
        Timestamp: stamp(0),
        SignatureVersion: '1',
        Signature: '',
        SigningCertUrl: '',
        UnsubscribeUrl: '',
        MessageAttributes: {},
      },
    })),
  };
}

const sesEvent = (eventType: string, userId: string, challengeId: string, extra: object = {}) => ({
  eventType,
  mail: {
    timestamp: stamp(1),
    messageId: 'ses-1',
    tags: {
      onetime_user: [Buffer.from(userId).toString('base64url')],
      onetime_challenge: [challengeId],
      onetime_delivery: ['0'],
    },
  },
  ...extra,
});

describe('Handler: delivery-events', () => {
  it('marks an emailed code delivered, and a late Send event does not undo it', async () => {
    // Prepare
    const app = await testApp();
    sentAt = app.clock.now();
    const added = await app.call('POST', '/v1/users/u:1@x/factors', { type: 'email', destination: EMAIL });
    const challengeId = (added.body.challenge as { challengeId: string }).challengeId;
    const handler = makeDeliveryEventsHandler({
      messages: app.deps.messages,
      log: silentLog,
      now: () => app.clock.now(),
      readEvent: outcomeOf,
    });
    // Act
    const result = await handler(
      snsEvent(
        sesEvent('Delivery', 'u:1@x', challengeId, { delivery: { timestamp: stamp(3) } }),
        sesEvent('Send', 'u:1@x', challengeId),
      ),
      {} as never,
    );
    const status = await app.call('GET', `/v1/users/u:1@x/challenges/${challengeId}`);
    // Assess
    expect(result).toEqual({ recorded: 1 });
    expect(status.body.delivery).toEqual({ status: 'delivered', at: stamp(3) });
  });

  it('marks a hard bounce failed, ignores soft bounces and events that are not ours', async () => {
    // Prepare
    const app = await testApp();
    sentAt = app.clock.now();
    const added = await app.call('POST', '/v1/users/u/factors', { type: 'email', destination: EMAIL });
    const challengeId = (added.body.challenge as { challengeId: string }).challengeId;
    const handler = makeDeliveryEventsHandler({
      messages: app.deps.messages,
      log: silentLog,
      now: () => app.clock.now(),
      readEvent: outcomeOf,
    });
    // Act
    const soft = await handler(
      snsEvent(sesEvent('Bounce', 'u', challengeId, { bounce: { bounceType: 'Transient' } }), {
        hello: 'world',
      }),
      {} as never,
    );
    const afterSoft = await app.call('GET', `/v1/users/u/challenges/${challengeId}`);
    await handler(
      snsEvent(sesEvent('Bounce', 'u', challengeId, { bounce: { bounceType: 'Permanent' } })),
      {} as never,
    );
    const afterHard = await app.call('GET', `/v1/users/u/challenges/${challengeId}`);
    const unknown = await handler(
      snsEvent(sesEvent('Delivery', 'u', '01ARZ3NDEKTSV4RRFFQ69G5FAV')),
      {} as never,
    );
    // Assess
    expect(soft).toEqual({ recorded: 0 });
    expect((afterSoft.body.delivery as { status: string }).status).toBe('sent');
    expect((afterHard.body.delivery as { status: string }).status).toBe('failed');
    expect(unknown).toEqual({ recorded: 0 });
  });
});
