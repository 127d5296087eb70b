/**
 * Factors, recovery codes, expiry answers and refused deliveries.
 */
import { createLocalApp } from '../../local/local-app';
import { API_KEY, activeSmsFactor, scanTable, testApp, type TestApp } from './harness';

const PHONE = '+14155550100';
const EMAIL = 'jane@example.com';

describe('Use case: factors', () => {
  it('enrols a phone as pending, normalised and masked, and activates it with its code', async () => {
    // Prepare
    const app = await testApp();
    // Act
    const noCountry = await app.call('POST', '/v1/users/u/factors', {
      type: 'sms',
      destination: '(415) 555-0100',
    });
    const added = await app.call('POST', '/v1/users/u/factors', {
      type: 'sms',
      destination: ' +1 415 555 0100',
    });
    const listedBefore = await app.call('GET', '/v1/users/u/factors');
    const factorId = (added.body.factor as { factorId: string }).factorId;
    const activated = await app.call('POST', `/v1/users/u/factors/${factorId}/activate`, {
      code: app.lastCode(PHONE),
    });
    const listedAfter = await app.call('GET', '/v1/users/u/factors');
    // Assess
    expect(noCountry).toMatchObject({ status: 400, body: { code: 'invalid_phone_number' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      factor: { type: 'sms', status: 'pending', destinationMasked: '+1*******0100' },
      challenge: { purpose: 'enroll', channel: 'sms', reusedCode: false },
    });
    expect(JSON.stringify(added.body)).not.toContain('5550100');
    expect(listedBefore.body.twoStepEnabled).toBe(false);
    expect(activated.status).toBe(200);
    expect(activated.body.factor).toMatchObject({ factorId, status: 'active' });
    expect(activated.body.recoveryCodes).toHaveLength(10);
    expect(listedAfter.body).toMatchObject({
      twoStepEnabled: true,
      factors: [{ factorId, status: 'active' }],
    });
  });

  it('returns recovery codes only with the first activation', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const added = await app.call('POST', '/v1/users/u/factors', {
      type: 'email',
      destination: 'Jane@Example.COM',
    });
    // Act
    const second = await app.call(
      'POST',
      `/v1/users/u/factors/${(added.body.factor as { factorId: string }).factorId}/activate`,
      { code: app.lastCode(EMAIL) },
    );
    // Assess
    expect(added.body.factor).toMatchObject({ destinationMasked: 'J***@example.com' });
    expect(second.status).toBe(200);
    expect(second.body.recoveryCodes).toBeUndefined();
  });

  it('rejects a bad email and more than ONETIME_MAX_FACTORS factors', async () => {
    // Prepare
    const app = await testApp({ policy: { maxFactors: 2 } });
    // Act
    const bad = await app.call('POST', '/v1/users/u/factors', { type: 'email', destination: 'not-an-email' });
    await app.call('POST', '/v1/users/u/factors', { type: 'email', destination: 'a@example.com' });
    await app.call('POST', '/v1/users/u/factors', { type: 'email', destination: 'b@example.com' });
    const third = await app.call('POST', '/v1/users/u/factors', {
      type: 'email',
      destination: 'c@example.com',
    });
    // Assess
    expect(bad).toMatchObject({ status: 400, body: { code: 'invalid_email' } });
    expect(third).toMatchObject({ status: 409, body: { code: 'factor_limit_reached' } });
  });

  it('removes a factor and turns two-step off with the last one', async () => {
    // Prepare
    const app = await testApp();
    const { factorId } = await activeSmsFactor(app, 'u', PHONE);
    // Act
    const removed = await app.call('DELETE', `/v1/users/u/factors/${factorId}`);
    const again = await app.call('DELETE', `/v1/users/u/factors/${factorId}`);
    const listed = await app.call('GET', '/v1/users/u/factors');
    app.clock.advance(61);
    const challenge = await app.call('POST', '/v1/users/u/challenges', {});
    // Assess
    expect(removed.status).toBe(204);
    expect(again.body.code).toBe('factor_not_found');
    expect(listed.body).toEqual({ factors: [], twoStepEnabled: false });
    expect(challenge).toMatchObject({ status: 409, body: { code: 'no_active_factor' } });
  });

  it('does not let a pending factor receive challenges', async () => {
    // Prepare
    const app = await testApp();
    await app.call('POST', '/v1/users/u/factors', { type: 'sms', destination: PHONE });
    // Act
    const challenge = await app.call('POST', '/v1/users/u/challenges', {});
    // Assess
    expect(challenge.body.code).toBe('no_active_factor');
  });
});

describe('Use case: verify answers', () => {
  it('answers code_expired after the code life, not no_pending_challenge', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    app.clock.advance(61);
    await app.call('POST', '/v1/users/u/challenges', {});
    const code = app.lastCode(PHONE);
    // Act
    app.clock.advance(601);
    const late = await app.call('POST', '/v1/users/u/verify', { code });
    const lateWrong = await app.call('POST', '/v1/users/u/verify', {
      code: code === '123456' ? '654321' : '123456',
    });
    app.clock.advance(86_400);
    const muchLater = await app.call('POST', '/v1/users/u/verify', { code });
    // Assess
    expect(late).toMatchObject({ status: 410, body: { code: 'code_expired' } });
    expect(lateWrong).toMatchObject({ status: 410, body: { code: 'code_expired' } });
    expect(muchLater).toMatchObject({ status: 404, body: { code: 'no_pending_challenge' } });
  });

  it('answers no_pending_challenge when nothing was sent', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    // Act
    const answer = await app.call('POST', '/v1/users/u/verify', { code: '123456' });
    // Assess
    expect(answer).toMatchObject({ status: 404, body: { code: 'no_pending_challenge' } });
  });

  it('reports a challenge status and its delivery', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    app.clock.advance(61);
    const sent = await app.call('POST', '/v1/users/u/challenges', { purpose: 'sensitive_action' });
    // Act
    const status = await app.call('GET', `/v1/users/u/challenges/${sent.body.challengeId as string}`);
    const missing = await app.call('GET', '/v1/users/u/challenges/01ARZ3NDEKTSV4RRFFQ69G5FAV');
    // Assess
    expect(status.body).toMatchObject({
      challengeId: sent.body.challengeId,
      status: 'pending',
      channel: 'sms',
      expiresAt: sent.body.expiresAt,
      delivery: { status: 'sent' },
    });
    expect(missing).toMatchObject({ status: 404, body: { code: 'not_found' } });
  });
});

describe('Use case: recovery codes', () => {
  it('accepts each code once and stops old codes after regeneration', async () => {
    // Prepare
    const app = await testApp();
    const { recoveryCodes } = await activeSmsFactor(app, 'u', PHONE);
    const [first, second] = recoveryCodes as [string, string];
    // Act
    const used = await app.call('POST', '/v1/users/u/verify', {
      code: first.toUpperCase().replace(/-/g, ''),
    });
    const reused = await app.call('POST', '/v1/users/u/verify', { code: first });
    const regenerated = await app.call('POST', '/v1/users/u/recovery-codes');
    const old = await app.call('POST', '/v1/users/u/verify', { code: second });
    const fresh = await app.call('POST', '/v1/users/u/verify', {
      code: (regenerated.body.recoveryCodes as string[])[0],
    });
    // Assess
    expect(used.body).toEqual({ status: 'approved', method: 'recovery_code', recoveryCodesRemaining: 9 });
    // A used recovery code is answered precisely and not counted.
    expect(reused).toMatchObject({ status: 409, body: { code: 'code_already_used' } });
    expect(regenerated.status).toBe(201);
    expect(new Set(regenerated.body.recoveryCodes as string[]).size).toBe(10);
    expect(old.body.code).toBe('code_incorrect');
    expect(fresh.body).toMatchObject({ status: 'approved', recoveryCodesRemaining: 9 });
  });
});

describe('Failure: refused delivery', () => {
  it('answers 502 delivery_failed with the other factors as alternatives', async () => {
    // Prepare
    const refused = new Set<string>();
    const app = await testApp({ refuse: (to) => (refused.has(to) ? 'opted_out' : undefined) });
    const { factorId: smsId } = await activeSmsFactor(app, 'u', PHONE);
    const added = await app.call('POST', '/v1/users/u/factors', { type: 'email', destination: EMAIL });
    const emailId = (added.body.factor as { factorId: string }).factorId;
    await app.call('POST', `/v1/users/u/factors/${emailId}/activate`, { code: app.lastCode(EMAIL) });
    refused.add(PHONE);
    app.clock.advance(61);
    // Act
    const failed = await app.call('POST', '/v1/users/u/challenges', { channel: 'sms' });
    const byEmail = await app.call('POST', '/v1/users/u/challenges', { channel: 'email' });
    // Assess
    expect(failed.status).toBe(502);
    expect(failed.body).toMatchObject({
      code: 'delivery_failed',
      alternatives: [{ factorId: emailId, channel: 'email', destinationMasked: 'j***@example.com' }],
    });
    expect(byEmail.status).toBe(202);
    void smsId;
  });
});

describe('Failure: DynamoDB unavailable', () => {
  it('answers 503 unavailable with Retry-After', async () => {
    // Prepare: a port nothing listens on.
    const app = createLocalApp({
      endpoint: 'http://127.0.0.1:9',
      tableName: 'nothing',
      secret: Buffer.alloc(32, 7),
      apiKey: API_KEY,
    });
    // Act
    const response = await app.dispatch({
      method: 'POST',
      path: '/v1/users/u/verify',
      headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ code: '123456' }),
    });
    // Assess
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(JSON.parse(response.body)).toMatchObject({ code: 'unavailable' });
  });
});

describe('Policy: allowed SMS countries', () => {
  it('refuses phones outside ONETIME_SMS_ALLOWED_COUNTRIES with 403 destination_blocked and sends nothing', async () => {
    // Prepare
    const app = await testApp({ env: { ONETIME_SMS_ALLOWED_COUNTRIES: 'us,ca' } });
    const mail = await app.call('POST', '/v1/users/u/factors', {
      type: 'email',
      destination: 'u@example.com',
    });
    const mailId = (mail.body.factor as { factorId: string }).factorId;
    await app.call('POST', `/v1/users/u/factors/${mailId}/activate`, { code: app.lastCode('u@example.com') });
    // Act
    const uk = await app.call('POST', '/v1/users/u/factors', { type: 'sms', destination: '+447911123456' });
    const us = await app.call('POST', '/v1/users/u/factors', { type: 'voice', destination: PHONE });
    // Assess
    expect(uk).toMatchObject({
      status: 403,
      body: {
        code: 'destination_blocked',
        reason: 'country_not_allowed',
        alternatives: [{ factorId: mailId }],
      },
    });
    expect(app.outbox.list({ to: '+447911123456' })).toHaveLength(0);
    expect(us.status).toBe(201);
    const events = (await app.call('GET', '/v1/users/u/events')).body.events as Array<{
      type: string;
      reason?: string;
    }>;
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'send_blocked', reason: 'country_not_allowed' }),
    );
    const factors = (await app.call('GET', '/v1/users/u/factors')).body.factors as Array<{ type: string }>;
    expect(factors.map((f) => f.type).sort()).toEqual(['email', 'voice']);
  });

  it('sends no more codes to a factor whose country left the allow-list', async () => {
    // Prepare: enrolled while any country was allowed; then the operator redeploys with US only.
    const app = await testApp();
    const { factorId } = await activeSmsFactor(app, 'gb', '+447911123456');
    await app.call('POST', '/v1/users/gb/factors', { type: 'email', destination: 'gb@example.com' });
    (app.deps.messaging as { smsAllowedCountries?: readonly string[] }).smsAllowedCountries = ['US'];
    app.clock.advance(61);
    // Act
    const again = await app.call('POST', '/v1/users/gb/challenges', { purpose: 'login', factorId });
    // Assess
    expect(again).toMatchObject({
      status: 403,
      body: { code: 'destination_blocked', reason: 'country_not_allowed' },
    });
    expect(app.outbox.list({ to: '+447911123456' })).toHaveLength(1);
  });
});

describe('Policy: which numbers may receive what (docs/api.md, Policy)', () => {
  const LANDLINE = '+441212345678';
  const TOLL_FREE = '+18002345678';

  /** Enrols `destination` for `type`; returns the answer, what was sent to it and the factors stored. */
  async function enrol(app: TestApp, userId: string, type: 'sms' | 'voice', destination: string) {
    const answer = await app.call('POST', `/v1/users/${userId}/factors`, { type, destination });
    const to = destination.replace(/ ext.*$/, '');
    const factors = (await scanTable(app)).filter(
      (i) => i.pk === `USER#${userId}` && String(i.sk).startsWith('FACTOR#'),
    );
    return { answer, sent: app.outbox.list({ to, limit: 10 }).length, factors: factors.length };
  }

  it.each([
    ['sms', LANDLINE, /landline.*use voice/],
    ['sms', TOLL_FREE, /toll-free/],
    ['sms', '+19002345678', /premium-rate/],
    ['voice', '+19002345678', /premium-rate/],
    ['sms', '+39848123456', /shared-cost/],
    ['sms', '+445612345678', /VoIP/],
    ['sms', '+447640123456', /pager/],
    ['sms', '+870301234567', /satellite/],
    ['voice', '+881612345678', /satellite/],
    ['sms', '+8823421234', /international network/],
    ['voice', '+883510012345', /international network/],
    ['sms', '+1 415 555 0100 ext. 12', /extension/],
    ['voice', '+44 121 234 5678 x9', /extension/],
  ] as const)(
    'refuses %s to %s with a detail that says why, and writes and sends nothing',
    async (type, number, why) => {
      // Prepare
      const app = await testApp();
      // Act
      const { answer, sent, factors } = await enrol(app, 'u', type, number);
      // Assess
      expect(answer).toMatchObject({ status: 400, body: { code: 'invalid_phone_number' } });
      expect(answer.body.detail).toMatch(why);
      expect(sent).toBe(0);
      expect(factors).toBe(0);
    },
  );

  it('still takes a landline and a toll-free number for voice', async () => {
    // Prepare
    const app = await testApp();
    // Act
    const landline = await enrol(app, 'u', 'voice', LANDLINE);
    const tollFree = await enrol(app, 'u', 'voice', TOLL_FREE);
    // Assess
    expect(landline.answer.status).toBe(201);
    expect(landline.sent).toBe(1);
    expect(tollFree.answer.status).toBe(201);
    expect(tollFree.sent).toBe(1);
    expect(app.outbox.list({ to: LANDLINE })[0]?.channel).toBe('voice');
  });

  it('takes what the operator allows with ONETIME_ALLOWED_NUMBER_TYPES, and only that', async () => {
    // Prepare
    const app = await testApp({ env: { ONETIME_ALLOWED_NUMBER_TYPES: 'toll_free,satellite' } });
    // Act
    const tollFree = await enrol(app, 'u', 'sms', TOLL_FREE);
    const satellite = await enrol(app, 'u2', 'sms', '+870301234567');
    const landline = await enrol(app, 'u3', 'sms', LANDLINE);
    // Assess
    expect(tollFree.answer.status).toBe(201);
    expect(satellite.answer.status).toBe(201);
    expect(landline.answer).toMatchObject({ status: 400, body: { code: 'invalid_phone_number' } });
  });

  it('refuses to start with a misspelt ONETIME_ALLOWED_NUMBER_TYPES', async () => {
    await expect(testApp({ env: { ONETIME_ALLOWED_NUMBER_TYPES: 'toll-free' } })).rejects.toThrow(
      /ONETIME_ALLOWED_NUMBER_TYPES/,
    );
  });

  it('applies to deliveries sent to a phone destination', async () => {
    // Prepare
    const app = await testApp();
    const now = app.clock.now();
    const delivery = (deliveryId: string, channel: 'sms' | 'voice', destination: string) =>
      app.call('POST', '/v1/deliveries', {
        deliveryId,
        userId: 'u',
        windowStart: new Date(now).toISOString(),
        windowEnd: new Date(now + 3_600_000).toISOString(),
        channel,
        destination,
      });
    // Act
    const sms = await delivery('parcel-1', 'sms', LANDLINE);
    const satellite = await delivery('parcel-2', 'voice', '+881612345678');
    const voice = await delivery('parcel-3', 'voice', LANDLINE);
    // Assess
    expect(sms).toMatchObject({ status: 400, body: { code: 'invalid_phone_number' } });
    expect(sms.body.detail).toMatch(/landline/);
    expect(satellite).toMatchObject({ status: 400, body: { code: 'invalid_phone_number' } });
    expect(voice.status).toBe(201);
    expect(app.outbox.list({ to: LANDLINE })).toHaveLength(1);
    expect(app.outbox.list({ to: '+881612345678' })).toHaveLength(0);
  });
});
