/**
 * Resends: the same code while it has life left, a new one (superseding the old)
 * only when needed, cooldown per channel, hourly and daily caps.
 */
import { activeSmsFactor, testApp } from './harness';

const PHONE = '+14155550100';
const EMAIL = 'jane@example.com';

describe('Use case: resend', () => {
  it('repeats the same code while at least 120 s of life remain', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    app.clock.advance(61);
    const first = await app.call('POST', '/v1/users/u/challenges', {});
    const code1 = app.lastCode(PHONE);
    // Act
    app.clock.advance(61);
    const second = await app.call('POST', '/v1/users/u/challenges', {});
    const code2 = app.lastCode(PHONE);
    // Assess
    expect(second.status).toBe(202);
    expect(second.body.reusedCode).toBe(true);
    expect(second.body.challengeId).toBe(first.body.challengeId);
    expect(code2).toBe(code1);
    expect(second.body.expiresAt).toBe(first.body.expiresAt);
  });

  it('makes a new code when little life remains, and the old one answers code_superseded without counting', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    app.clock.advance(61);
    const first = await app.call('POST', '/v1/users/u/challenges', {});
    const oldCode = app.lastCode(PHONE);
    app.clock.advance(600 - 119);
    // Act
    const second = await app.call('POST', '/v1/users/u/challenges', {});
    const newCode = app.lastCode(PHONE);
    const late = await app.call('POST', '/v1/users/u/verify', { code: oldCode });
    const lateAgain = await app.call('POST', '/v1/users/u/verify', { code: oldCode });
    // Assess
    expect(second.body.reusedCode).toBe(false);
    expect(second.body.challengeId).not.toBe(first.body.challengeId);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'code_superseded', attemptsRemaining: 5 });
    expect(lateAgain.body).toMatchObject({ code: 'code_superseded', attemptsRemaining: 5 });
    const status = await app.call('GET', `/v1/users/u/challenges/${first.body.challengeId as string}`);
    expect(status.body.status).toBe('superseded');
    if (newCode !== oldCode) {
      const ok = await app.call('POST', '/v1/users/u/verify', { code: newCode });
      expect(ok.status).toBe(200);
    }
  });

  it('answers resend_too_soon with Retry-After inside the cooldown', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    app.clock.advance(61);
    await app.call('POST', '/v1/users/u/challenges', {});
    // Act
    app.clock.advance(20);
    const again = await app.call('POST', '/v1/users/u/challenges', {});
    // Assess
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('resend_too_soon');
    expect(again.headers['retry-after']).toBe('40');
    expect(again.body.resendAvailableAt).toBe(new Date(app.clock.now() + 40_000).toISOString());
  });

  it('never blocks switching channel by the cooldown of another channel', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    app.clock.advance(61);
    const added = await app.call('POST', '/v1/users/u/factors', { type: 'email', destination: EMAIL });
    await app.call(
      'POST',
      `/v1/users/u/factors/${(added.body.factor as { factorId: string }).factorId}/activate`,
      {
        code: app.lastCode(EMAIL),
      },
    );
    await app.call('POST', '/v1/users/u/challenges', { channel: 'sms' });
    const smsCode = app.lastCode(PHONE);
    // Act
    const byEmail = await app.call('POST', '/v1/users/u/challenges', { channel: 'email' });
    // Assess: the same code goes by email, so whichever arrives first works.
    expect(byEmail.status).toBe(202);
    expect(byEmail.body).toMatchObject({
      channel: 'email',
      reusedCode: true,
      destinationMasked: 'j***@example.com',
    });
    expect(app.lastCode(EMAIL)).toBe(smsCode);
  });

  it('caps sends per hour with send_limit_exceeded and Retry-After', async () => {
    // Prepare: enrolment is the first send of the hour.
    const app = await testApp({ policy: { resendCooldownSeconds: 1, maxSendsPerHour: 3 } });
    await activeSmsFactor(app, 'u', PHONE);
    const answers = [];
    // Act
    for (let i = 0; i < 3; i++) {
      app.clock.advance(2);
      answers.push(await app.call('POST', '/v1/users/u/challenges', {}));
    }
    // Assess
    expect(answers.map((a) => a.status)).toEqual([202, 202, 429]);
    expect(answers[1]?.body.sendsRemaining).toBe(0);
    expect(answers[2]?.body.code).toBe('send_limit_exceeded');
    expect(Number(answers[2]?.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('caps sends per destination across users', async () => {
    // Prepare
    const app = await testApp({ policy: { maxSendsPerHour: 2 } });
    await app.call('POST', '/v1/users/a/factors', { type: 'sms', destination: PHONE });
    await app.call('POST', '/v1/users/b/factors', { type: 'sms', destination: PHONE });
    // Act
    const third = await app.call('POST', '/v1/users/c/factors', { type: 'sms', destination: PHONE });
    // Assess
    expect(third.status).toBe(429);
    expect(third.body.code).toBe('send_limit_exceeded');
    const listed = await app.call('GET', '/v1/users/c/factors');
    expect(listed.body.factors).toEqual([]);
  });

  it('returns the first answer for a retried Idempotency-Key without sending again', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    app.clock.advance(61);
    const headers = { 'idempotency-key': 'k-1' };
    // Act
    const first = await app.call('POST', '/v1/users/u/challenges', { purpose: 'sign_in' }, headers);
    const count = app.outbox.list({ to: PHONE }).length;
    app.clock.advance(5);
    const retry = await app.call('POST', '/v1/users/u/challenges', { purpose: 'sign_in' }, headers);
    const other = await app.call('POST', '/v1/users/u/challenges', { purpose: 'sensitive_action' }, headers);
    // Assess
    expect(retry.status).toBe(202);
    expect(retry.body).toEqual(first.body);
    expect(app.outbox.list({ to: PHONE })).toHaveLength(count);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });
});
