import { activeSmsFactor, testApp, type TestApp } from './harness';

describe('Flow: enrol, challenge, verify', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp();
  });

  it('enrols a phone, sends a sign-in code and approves it once', async () => {
    // Prepare
    const { factorId, recoveryCodes } = await activeSmsFactor(app, 'u1');
    app.clock.advance(61);
    // Act
    const sent = await app.call('POST', '/v1/users/u1/challenges', {});
    const code = app.lastCode('+14155550100');
    const ok = await app.call('POST', '/v1/users/u1/verify', { code });
    const again = await app.call('POST', '/v1/users/u1/verify', { code });
    // Assess
    expect(recoveryCodes).toHaveLength(10);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({
      channel: 'sms',
      factorId,
      destinationMasked: '+1*******0100',
      reusedCode: false,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ status: 'approved', method: 'challenge', factorId });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('code_already_used');
  });
});

describe('Flow: codes as people type them', () => {
  it('accepts a code entered with spaces or a dash', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u2');
    app.clock.advance(61);
    await app.call('POST', '/v1/users/u2/challenges', {});
    const code = app.lastCode('+14155550100');
    // Act
    const ok = await app.call('POST', '/v1/users/u2/verify', {
      code: ` ${code.slice(0, 3)} ${code.slice(3)} `,
    });
    // Assess
    expect(ok.status).toBe(200);
  });
});
