/**
 * Business metrics come from what the use cases did, not from reading answers: a
 * code sent (enrolment, challenge, a parcel's delivery code), a provider's refusal,
 * an approval, a wrong code and the wrong code that locks, each counted once and
 * named as the alarms expect.
 */
import { metricOutcomes, metricsFor } from '../../lambdas/observability/outcome-metrics';
import { activeSmsFactor, testApp } from './harness';

const PHONE = '+14155550100';

describe('Business metrics from use-case outcomes', () => {
  it('counts codes sent by channel, enrolment and parcel codes included, and nothing for an authenticator', async () => {
    // Prepare
    const app = await testApp();
    const now = app.clock.now();
    // Act
    await app.call('POST', '/v1/users/u/factors', { type: 'email', destination: 'jane@example.com' });
    await app.call('POST', '/v1/users/u/factors', { type: 'totp' });
    await app.call('POST', '/v1/deliveries', {
      deliveryId: 'parcel-1',
      userId: 'u',
      windowStart: new Date(now).toISOString(),
      windowEnd: new Date(now + 3_600_000).toISOString(),
      channel: 'sms',
      destination: '+14155550177',
    });
    // Assess
    expect(app.outcomes).toEqual([
      { kind: 'code_sent', channel: 'email' },
      { kind: 'code_sent', channel: 'sms' },
    ]);
    expect(app.outcomes.flatMap(metricsFor)).toEqual([
      { name: 'CodesSent', dimensions: { channel: 'email' } },
      { name: 'CodesSent', dimensions: { channel: 'sms' } },
    ]);
  });

  it('counts a refused hand-off as a delivery failure of its channel, not as a code sent', async () => {
    // Prepare
    const app = await testApp({ refuse: (_to, channel) => (channel === 'email' ? 'rejected' : undefined) });
    // Act
    const refused = await app.call('POST', '/v1/users/u/factors', {
      type: 'email',
      destination: 'j@example.com',
    });
    // Assess
    expect(refused.status).toBe(502);
    expect(app.outcomes).toEqual([{ kind: 'delivery_failed', channel: 'email' }]);
    expect(metricsFor(app.outcomes[0]!)).toEqual([
      { name: 'DeliveryFailures', dimensions: { channel: 'email' } },
    ]);
  });

  it('counts approvals, each wrong code, and the one wrong code that locks', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    app.outcomes.length = 0;
    await app.call('POST', '/v1/users/u/challenges', { channel: 'sms' });
    const code = app.lastCode(PHONE);
    const wrong = code === '000000' ? '111111' : '000000';
    // Act
    await app.call('POST', '/v1/users/u/verify', { code: wrong });
    await app.call('POST', '/v1/users/u/verify', { code });
    await app.call('POST', '/v1/users/u/challenges', { channel: 'sms', purpose: 'step_up' });
    for (let i = 0; i < 5; i++)
      await app.call('POST', '/v1/users/u/verify', { code: wrong, purpose: 'step_up' });
    const afterLock = app.outcomes.length;
    const locked = await app.call('POST', '/v1/users/u/verify', { code: wrong, purpose: 'step_up' });
    // Assess
    expect(locked.status).toBe(423);
    expect(app.outcomes.map((o) => o.kind)).toEqual([
      'code_sent',
      'verification_failed',
      'verification_approved',
      'code_sent',
      ...Array<string>(5).fill('verification_failed'),
      'lockout',
    ]);
    // Already locked: no new failure was judged, nothing more is counted.
    expect(app.outcomes.length).toBe(afterLock);
  });

  it('names the metrics as the alarms and the dashboard read them', () => {
    // Prepare
    const counted: Array<[string, Record<string, string> | undefined]> = [];
    const sink = metricOutcomes({ count: (name, dimensions) => counted.push([name, dimensions]) });
    // Act
    sink.record({ kind: 'verification_approved' });
    sink.record({ kind: 'verification_failed' });
    sink.record({ kind: 'lockout' });
    sink.record({ kind: 'code_sent', channel: 'voice' });
    // Assess
    expect(counted).toEqual([
      ['VerificationsApproved', undefined],
      ['VerificationsFailed', undefined],
      ['Lockouts', undefined],
      ['CodesSent', { channel: 'voice' }],
    ]);
  });
});
