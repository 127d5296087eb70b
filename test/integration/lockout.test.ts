/**
 * Lockout: precise, proportionate, and ending; a hard cap for the patient attacker.
 */
import { activeSmsFactor, testApp, type TestApp } from './harness';

const PHONE = '+14155550100';

async function pendingCode(app: TestApp, userId: string): Promise<string> {
  await activeSmsFactor(app, userId, PHONE);
  app.clock.advance(61);
  await app.call('POST', `/v1/users/${userId}/challenges`, {});
  return app.lastCode(PHONE);
}

const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

describe('Policy: lockout', () => {
  it('says how many attempts remain, then locks for 5 minutes with Retry-After and lockedUntil', async () => {
    // Prepare
    const app = await testApp();
    const code = await pendingCode(app, 'u');
    // Act
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(await app.call('POST', '/v1/users/u/verify', { code: wrong(code) }));
    const whileLocked = await app.call('POST', '/v1/users/u/verify', { code });
    // Assess
    expect(answers.slice(0, 4).map((a) => a.body.attemptsRemaining)).toEqual([4, 3, 2, 1]);
    expect(answers.slice(0, 4).every((a) => a.status === 422 && a.body.code === 'code_incorrect')).toBe(true);
    const lockedUntil = new Date(app.clock.now() + 300_000).toISOString();
    expect(answers[4]).toMatchObject({
      status: 423,
      body: { code: 'locked', lockedUntil, attemptsRemaining: 0 },
    });
    expect(answers[4]?.headers['retry-after']).toBe('300');
    expect(whileLocked.status).toBe(423);
    expect(whileLocked.body.lockedUntil).toBe(lockedUntil);
  });

  it('lets the user back in when the lock ends, and a later lock lasts 30 minutes', async () => {
    // Prepare
    const app = await testApp({ policy: { codeTtlSeconds: 3600 } });
    const code = await pendingCode(app, 'u');
    for (let i = 0; i < 5; i++) await app.call('POST', '/v1/users/u/verify', { code: wrong(code) });
    // Act
    app.clock.advance(301);
    const after = await app.call('POST', '/v1/users/u/verify', { code: wrong(code) });
    const more = [];
    for (let i = 0; i < 4; i++)
      more.push(await app.call('POST', '/v1/users/u/verify', { code: wrong(code) }));
    // Assess
    expect(after.body).toMatchObject({ code: 'code_incorrect', attemptsRemaining: 4 });
    expect(more[3]?.status).toBe(423);
    expect(more[3]?.headers['retry-after']).toBe('1800');
  });

  it('resets the count on success, so the next first lock is short again', async () => {
    // Prepare
    const app = await testApp({ policy: { codeTtlSeconds: 3600 } });
    const code = await pendingCode(app, 'u');
    for (let i = 0; i < 4; i++) await app.call('POST', '/v1/users/u/verify', { code: wrong(code) });
    // Act
    const ok = await app.call('POST', '/v1/users/u/verify', { code });
    app.clock.advance(61);
    await app.call('POST', '/v1/users/u/challenges', {});
    const next = await app.call('POST', '/v1/users/u/verify', { code: wrong(app.lastCode(PHONE)) });
    // Assess
    expect(ok.status).toBe(200);
    expect(next.body.attemptsRemaining).toBe(4);
  });

  it('hard-locks after ONETIME_HARD_LOCK_AFTER consecutive failures until a support unlock', async () => {
    // Prepare
    const app = await testApp({ policy: { hardLockAfter: 7, codeTtlSeconds: 36_000 } });
    const code = await pendingCode(app, 'u');
    for (let i = 0; i < 5; i++) await app.call('POST', '/v1/users/u/verify', { code: wrong(code) });
    app.clock.advance(301);
    await app.call('POST', '/v1/users/u/verify', { code: wrong(code) });
    // Act
    const seventh = await app.call('POST', '/v1/users/u/verify', { code: wrong(code) });
    app.clock.advance(86_400 * 3);
    const daysLater = await app.call('POST', '/v1/users/u/verify', { code });
    const unlock = await app.call('DELETE', '/v1/users/u/lockout');
    app.clock.advance(61);
    await app.call('POST', '/v1/users/u/challenges', {});
    const afterUnlock = await app.call('POST', '/v1/users/u/verify', { code: app.lastCode(PHONE) });
    // Assess
    expect(seventh).toMatchObject({ status: 423, body: { code: 'locked', lockedUntil: null } });
    expect(daysLater.status).toBe(423);
    expect(unlock.status).toBe(204);
    expect(afterUnlock.status).toBe(200);
  });

  it('refuses to send codes while locked', async () => {
    // Prepare
    const app = await testApp();
    const code = await pendingCode(app, 'u');
    for (let i = 0; i < 5; i++) await app.call('POST', '/v1/users/u/verify', { code: wrong(code) });
    app.clock.advance(61);
    // Act
    const send = await app.call('POST', '/v1/users/u/challenges', {});
    // Assess
    expect(send.status).toBe(423);
    expect(send.body.code).toBe('locked');
  });

  it('counts wrong recovery codes toward the same lock', async () => {
    // Prepare
    const app = await testApp();
    await pendingCode(app, 'u');
    // Act
    const answer = await app.call('POST', '/v1/users/u/verify', { code: 'aaaa-bbbb-cccc' });
    // Assess
    expect(answer.body).toMatchObject({ code: 'code_incorrect', attemptsRemaining: 4 });
  });
});
