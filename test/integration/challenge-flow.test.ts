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

describe('Rule: purposes follow docs/api.md, Routes (1 to 64 of a-z 0-9 _ . -, enroll… reserved)', () => {
  const PHONE = '+14155550100';
  let app: TestApp;
  beforeAll(async () => {
    // Caps high enough that every accepted purpose below gets its own code.
    app = await testApp({ policy: { maxSendsPerHour: 100, maxSendsPerDay: 100 } });
    await activeSmsFactor(app, 'purposes');
  });

  it.each(['a', 'sign_in', 'sensitive_action', 'pay.v2-eu_1', 'x'.repeat(64), 're-enroll', 'my_enroll', '0'])(
    'accepts %j for a challenge and for verify',
    async (purpose) => {
      // Act
      const sent = await app.call('POST', '/v1/users/purposes/challenges', { purpose });
      const verified = await app.call('POST', '/v1/users/purposes/verify', {
        purpose,
        code: app.lastCode(PHONE),
      });
      // Assess
      expect(sent.status).toBe(202);
      expect(sent.body.purpose).toBe(purpose);
      expect(verified.status).toBe(200);
    },
  );

  it.each([
    ['upper case', 'Sign_in'],
    ['a space', 'sign in'],
    ['65 characters', 'x'.repeat(65)],
    ['empty', ''],
    ['a colon', 'sign:in'],
    ['a slash', 'a/b'],
    ['non-ASCII', 'connexión'],
    ['enroll itself', 'enroll'],
    ['a word starting with enroll', 'enrollment'],
    ['an enrolment slot name', 'enroll:01ARZ3NDEKTSV4RRFFQ69G5FAV'],
  ])('refuses a purpose with %s (400 invalid_request) and sends nothing', async (_what, purpose) => {
    // Prepare
    const before = app.outbox.list({ to: PHONE, limit: 1000 }).length;
    // Act
    const sent = await app.call('POST', '/v1/users/purposes/challenges', { purpose });
    const verified = await app.call('POST', '/v1/users/purposes/verify', { purpose, code: '123456' });
    // Assess
    for (const answer of [sent, verified]) {
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('invalid_request');
      const errors = answer.body.errors as { path: string }[];
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.map((e) => e.path)).toEqual(errors.map(() => '/purpose'));
    }
    expect(app.outbox.list({ to: PHONE, limit: 1000 })).toHaveLength(before);
  });
});
