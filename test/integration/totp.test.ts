/**
 * Authenticator apps (TOTP): enrolment shows the secret once and stores it only
 * encrypted; codes are accepted one time step either side, each step once and
 * never an older one, with the drift recorded; failures count toward the same
 * lockout as challenge codes. The clock is the harness's ManualClock, so step
 * boundaries are reached exactly.
 */
import { generate } from 'otplib';
import { activeSmsFactor, scanTable, testApp, type TestApp, type TestResponse } from './harness';

const PHONE = '+14155550100';
const STEP = 30;

const epochOf = (app: TestApp) => Math.floor(app.clock.now() / 1000);
const stepOf = (epoch: number) => Math.floor(epoch / STEP);

/** The code an authenticator app would show at `epoch` (seconds). */
const codeAt = (secret: string, epoch: number) => generate({ secret, epoch });

/** A six-digit code that matches no time step within ±3 steps of `epoch`. */
async function wrongCode(secret: string, epoch: number): Promise<string> {
  const near = new Set<string>();
  for (let s = -3; s <= 3; s++) near.add(await codeAt(secret, epoch + s * STEP));
  for (let n = 0; ; n++) {
    const candidate = String(n * 111_111 + 123_456).slice(-6);
    if (!near.has(candidate)) return candidate;
  }
}

/** Moves the clock so that `epoch % 30 === offset`, at least one whole step ahead. */
function moveToStepOffset(app: TestApp, offset: number, extraSteps = 1): void {
  const current = epochOf(app) % STEP;
  app.clock.advance(extraSteps * STEP + ((offset - current + STEP) % STEP));
}

interface Enrolled {
  readonly factorId: string;
  readonly secret: string;
  readonly added: TestResponse;
}

async function enrolTotp(app: TestApp, userId: string, label?: string): Promise<Enrolled> {
  const added = await app.call('POST', `/v1/users/${userId}/factors`, {
    type: 'totp',
    ...(label !== undefined ? { label } : {}),
  });
  if (added.status !== 201) throw new Error(`enrol failed: ${JSON.stringify(added.body)}`);
  return {
    factorId: (added.body.factor as { factorId: string }).factorId,
    secret: added.body.secret as string,
    added,
  };
}

/** Enrols and activates an authenticator, then moves one step on so the next code is fresh. */
async function activeTotp(app: TestApp, userId: string): Promise<Enrolled & { recoveryCodes?: string[] }> {
  const enrolled = await enrolTotp(app, userId);
  const activated = await app.call('POST', `/v1/users/${userId}/factors/${enrolled.factorId}/activate`, {
    code: await codeAt(enrolled.secret, epochOf(app)),
  });
  if (activated.status !== 200) throw new Error(`activate failed: ${JSON.stringify(activated.body)}`);
  app.clock.advance(STEP);
  return { ...enrolled, recoveryCodes: activated.body.recoveryCodes as string[] | undefined };
}

async function factorItem(app: TestApp, userId: string, factorId: string) {
  const items = await scanTable(app);
  return items.find((i) => i.pk === `USER#${userId}` && i.sk === `FACTOR#${factorId}`);
}

function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

describe('Use case: enrol an authenticator app', () => {
  it('returns a 160-bit base32 secret, an otpauth URI with the issuer and a QR code', async () => {
    // Prepare
    const app = await testApp({ env: { ONETIME_SERVICE_NAME: 'Acme Bank' } });
    // Act
    const { added, secret } = await enrolTotp(app, 'u', 'Jane phone');
    // Assess
    expect(added.body.factor).toMatchObject({ type: 'totp', status: 'pending', label: 'Jane phone' });
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    const uri = added.body.otpauthUri as string;
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    const parsed = new URL(uri);
    expect(parsed.searchParams.get('secret')).toBe(secret);
    expect(parsed.searchParams.get('issuer')).toBe('Acme Bank');
    expect(decodeURIComponent(parsed.pathname)).toContain('Acme Bank:Jane phone');
    const svg = added.body.qrCodeSvg as string;
    expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('</svg>');
  });

  it('labels the URI with the user id when no label is given, and issues distinct secrets', async () => {
    // Prepare
    const app = await testApp();
    // Act
    const first = await enrolTotp(app, 'jane.doe');
    const second = await enrolTotp(app, 'jane.doe');
    // Assess
    const parsed = new URL(first.added.body.otpauthUri as string);
    expect(decodeURIComponent(parsed.pathname)).toContain('onetime:jane.doe');
    expect(parsed.searchParams.get('issuer')).toBe('onetime');
    expect(first.secret).not.toBe(second.secret);
  });

  it.each([
    ['a label', 'Acme: Bank', 'u', 'bob:work', 'bob:work'],
    ['the user id', 'onetime', 'org:jane', undefined, 'org:jane'],
  ])(
    'keeps colons in the service name and %s from splitting the account',
    async (_what, serviceName, userId, label, account) => {
      // Prepare
      const app = await testApp({ env: { ONETIME_SERVICE_NAME: serviceName } });
      // Act
      const { added, secret } = await enrolTotp(app, userId, label);
      // Assess: the raw label has one literal colon, between issuer and account
      const uri = new URL(added.body.otpauthUri as string);
      expect(uri.pathname.slice(1).split(':').map(decodeURIComponent)).toEqual([serviceName, account]);
      expect(uri.searchParams.get('issuer')).toBe(serviceName);
      expect(uri.searchParams.get('secret')).toBe(secret);
    },
  );

  it('never shows the secret again', async () => {
    // Prepare
    const app = await testApp();
    const { factorId, secret } = await enrolTotp(app, 'u');
    // Act
    const listedPending = await app.call('GET', '/v1/users/u/factors');
    await app.call('POST', `/v1/users/u/factors/${factorId}/activate`, {
      code: await codeAt(secret, epochOf(app)),
    });
    const listedActive = await app.call('GET', '/v1/users/u/factors');
    // Assess
    expect(listedPending.body).toEqual({
      factors: [{ factorId, type: 'totp', status: 'pending', createdAt: expect.any(String) as string }],
      twoStepEnabled: false,
    });
    expect(listedActive.body).toMatchObject({
      factors: [{ factorId, status: 'active' }],
      twoStepEnabled: true,
    });
    for (const answer of [listedPending, listedActive]) {
      expect(JSON.stringify(answer.body)).not.toContain(secret);
      expect(JSON.stringify(answer.body)).not.toMatch(/secret|otpauth|svg/i);
    }
  });

  it('stores the secret only encrypted', async () => {
    // Prepare
    const app = await testApp();
    const { factorId, secret } = await enrolTotp(app, 'u');
    // Act
    const items = await scanTable(app);
    // Assess
    const dump = JSON.stringify(items);
    const raw = base32Decode(secret);
    expect(dump).not.toContain(secret);
    expect(dump.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(dump).not.toContain(raw.toString('hex'));
    expect(dump).not.toContain(raw.toString('base64'));
    expect(dump).not.toContain(Buffer.from(secret, 'utf8').toString('base64'));
    const factor = items.find((i) => i.sk === `FACTOR#${factorId}`);
    expect(typeof factor?.secretCiphertext).toBe('string');
  });

  it('activates with a code of the current time step, records the step and returns recovery codes', async () => {
    // Prepare
    const app = await testApp();
    const { factorId, secret } = await enrolTotp(app, 'u');
    const epoch = epochOf(app);
    // Act
    const activated = await app.call('POST', `/v1/users/u/factors/${factorId}/activate`, {
      code: await codeAt(secret, epoch),
    });
    const replay = await app.call('POST', '/v1/users/u/verify', { code: await codeAt(secret, epoch) });
    // Assess
    expect(activated.status).toBe(200);
    expect(activated.body.factor).toMatchObject({ factorId, type: 'totp', status: 'active' });
    expect(activated.body.recoveryCodes).toHaveLength(10);
    expect(await factorItem(app, 'u', factorId)).toMatchObject({
      status: 'active',
      lastTotpStep: stepOf(epoch),
      totpDrift: 0,
    });
    // The step that activated the factor cannot sign in again.
    expect(replay).toMatchObject({ status: 409, body: { code: 'code_already_used' } });
  });

  it('counts a wrong activation code and leaves the factor pending', async () => {
    // Prepare
    const app = await testApp();
    const { factorId, secret } = await enrolTotp(app, 'u');
    // Act
    const wrong = await app.call('POST', `/v1/users/u/factors/${factorId}/activate`, {
      code: await wrongCode(secret, epochOf(app)),
    });
    const listed = await app.call('GET', '/v1/users/u/factors');
    // Assess
    expect(wrong).toMatchObject({ status: 422, body: { code: 'code_incorrect', attemptsRemaining: 4 } });
    expect(listed.body).toMatchObject({ factors: [{ factorId, status: 'pending' }], twoStepEnabled: false });
  });
});

describe('Use case: verify an authenticator code', () => {
  it('infers the totp method when no challenge is pending', async () => {
    // Prepare
    const app = await testApp();
    const { factorId, secret } = await activeTotp(app, 'u');
    // Act
    const answer = await app.call('POST', '/v1/users/u/verify', { code: await codeAt(secret, epochOf(app)) });
    // Assess
    expect(answer).toMatchObject({ status: 200, body: { status: 'approved', method: 'totp', factorId } });
  });

  it('judges a code against a pending challenge first, unless the method says totp', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const { factorId, secret } = await activeTotp(app, 'u');
    app.clock.advance(61);
    await app.call('POST', '/v1/users/u/challenges', {});
    const smsCode = app.lastCode(PHONE);
    let totpCode = await codeAt(secret, epochOf(app));
    if (totpCode === smsCode) {
      app.clock.advance(STEP);
      totpCode = await codeAt(secret, epochOf(app));
    }
    // Act
    const inferred = await app.call('POST', '/v1/users/u/verify', { code: totpCode });
    const explicit = await app.call('POST', '/v1/users/u/verify', { code: totpCode, method: 'totp' });
    const challenge = await app.call('POST', '/v1/users/u/verify', { code: smsCode });
    // Assess
    expect(inferred).toMatchObject({ status: 422, body: { code: 'code_incorrect' } });
    expect(explicit).toMatchObject({ status: 200, body: { method: 'totp', factorId } });
    expect(challenge).toMatchObject({ status: 200, body: { method: 'challenge' } });
  });

  it('answers no_active_factor for method totp when the user has no active authenticator', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    await enrolTotp(app, 'u');
    // Act
    const answer = await app.call('POST', '/v1/users/u/verify', { code: '123456', method: 'totp' });
    // Assess
    expect(answer).toMatchObject({ status: 409, body: { code: 'no_active_factor' } });
  });

  it('accepts a code one time step either side and records the drift', async () => {
    // Prepare
    const app = await testApp();
    const { factorId, secret } = await activeTotp(app, 'u');
    app.clock.advance(3 * STEP);
    const epoch = epochOf(app);
    // Act
    const behind = await app.call('POST', '/v1/users/u/verify', { code: await codeAt(secret, epoch - STEP) });
    const afterBehind = await factorItem(app, 'u', factorId);
    const ahead = await app.call('POST', '/v1/users/u/verify', { code: await codeAt(secret, epoch + STEP) });
    const afterAhead = await factorItem(app, 'u', factorId);
    // Assess
    expect(behind).toMatchObject({ status: 200, body: { method: 'totp' } });
    expect(afterBehind).toMatchObject({ lastTotpStep: stepOf(epoch) - 1, totpDrift: -1 });
    expect(ahead).toMatchObject({ status: 200, body: { method: 'totp' } });
    expect(afterAhead).toMatchObject({ lastTotpStep: stepOf(epoch) + 1, totpDrift: 1 });
    expect(typeof afterAhead?.lastUsedAt).toBe('number');
  });

  it('refuses codes two time steps away and counts them as incorrect', async () => {
    // Prepare
    const app = await testApp();
    const { factorId, secret } = await activeTotp(app, 'u');
    app.clock.advance(5 * STEP);
    const epoch = epochOf(app);
    const before = await factorItem(app, 'u', factorId);
    // Act
    const early = await app.call('POST', '/v1/users/u/verify', {
      code: await codeAt(secret, epoch - 2 * STEP),
    });
    const late = await app.call('POST', '/v1/users/u/verify', {
      code: await codeAt(secret, epoch + 2 * STEP),
    });
    // Assess
    expect(early).toMatchObject({ status: 422, body: { code: 'code_incorrect', attemptsRemaining: 4 } });
    expect(late).toMatchObject({ status: 422, body: { code: 'code_incorrect', attemptsRemaining: 3 } });
    expect((await factorItem(app, 'u', factorId))?.lastTotpStep).toBe(before?.lastTotpStep);
  });

  it('accepts only the current step when ONETIME_TOTP_WINDOW is 0', async () => {
    // Prepare
    const app = await testApp({ policy: { totpWindow: 0 } });
    const { secret } = await activeTotp(app, 'u');
    app.clock.advance(3 * STEP);
    const epoch = epochOf(app);
    // Act
    const behind = await app.call('POST', '/v1/users/u/verify', { code: await codeAt(secret, epoch - STEP) });
    const ahead = await app.call('POST', '/v1/users/u/verify', { code: await codeAt(secret, epoch + STEP) });
    const current = await app.call('POST', '/v1/users/u/verify', { code: await codeAt(secret, epoch) });
    // Assess
    expect(behind.body.code).toBe('code_incorrect');
    expect(ahead.body.code).toBe('code_incorrect');
    expect(current.status).toBe(200);
  });

  it('refuses a code used once, without counting it as a failure', async () => {
    // Prepare
    const app = await testApp();
    const { secret } = await activeTotp(app, 'u');
    const code = await codeAt(secret, epochOf(app));
    // Act
    const first = await app.call('POST', '/v1/users/u/verify', { code });
    const again = await app.call('POST', '/v1/users/u/verify', { code });
    const wrong = await app.call('POST', '/v1/users/u/verify', {
      code: await wrongCode(secret, epochOf(app)),
    });
    // Assess
    expect(first.status).toBe(200);
    expect(again).toMatchObject({ status: 409, body: { code: 'code_already_used' } });
    expect(wrong).toMatchObject({ status: 422, body: { code: 'code_incorrect', attemptsRemaining: 4 } });
  });

  it('refuses an older time step after a newer one was accepted', async () => {
    // Prepare
    const app = await testApp();
    const { factorId, secret } = await activeTotp(app, 'u');
    app.clock.advance(3 * STEP);
    const epoch = epochOf(app);
    await app.call('POST', '/v1/users/u/verify', { code: await codeAt(secret, epoch + STEP) });
    // Act
    const current = await app.call('POST', '/v1/users/u/verify', { code: await codeAt(secret, epoch) });
    const previous = await app.call('POST', '/v1/users/u/verify', {
      code: await codeAt(secret, epoch - STEP),
    });
    const wrong = await app.call('POST', '/v1/users/u/verify', { code: await wrongCode(secret, epoch) });
    app.clock.advance(2 * STEP);
    const later = await app.call('POST', '/v1/users/u/verify', { code: await codeAt(secret, epochOf(app)) });
    // Assess
    expect(current).toMatchObject({ status: 409, body: { code: 'code_already_used' } });
    expect(previous).toMatchObject({ status: 409, body: { code: 'code_already_used' } });
    expect(wrong.body).toMatchObject({ code: 'code_incorrect', attemptsRemaining: 4 });
    expect(later.status).toBe(200);
    expect(await factorItem(app, 'u', factorId)).toMatchObject({
      lastTotpStep: stepOf(epochOf(app)),
      totpDrift: 0,
    });
  });
});

describe('Rule: authenticator use is on the account activity', () => {
  it('records enrolment, activation, successes and failures with the factor', async () => {
    // Prepare
    const app = await testApp();
    const context = { ip: '192.0.2.1', userAgent: 'totp-test' };
    const added = await app.call('POST', '/v1/users/u/factors', { type: 'totp', context });
    const factorId = (added.body.factor as { factorId: string }).factorId;
    const secret = added.body.secret as string;
    await app.call('POST', `/v1/users/u/factors/${factorId}/activate`, {
      code: await codeAt(secret, epochOf(app)),
      context,
    });
    app.clock.advance(STEP);
    // Act
    await app.call('POST', '/v1/users/u/verify', { code: await wrongCode(secret, epochOf(app)), context });
    await app.call('POST', '/v1/users/u/verify', { code: await codeAt(secret, epochOf(app)), context });
    const listed = await app.call('GET', '/v1/users/u/events');
    // Assess
    const expected = (type: string) => expect.objectContaining({ type, channel: 'totp', factorId, context });
    expect(listed.body.events).toEqual([
      expected('verification_succeeded'),
      expected('verification_failed'),
      expected('factor_activated'),
      expected('factor_added'),
    ]);
  });
});

describe('Rule: TOTP time-step boundaries with the injected clock', () => {
  // The nearest seconds of the steps two away, and seconds inside the steps one away, from each edge.
  it.each([
    { edge: 'last', offset: STEP - 1, twoBack: -60, twoAhead: 31, oneBack: -30, oneAhead: 1 },
    { edge: 'first', offset: 0, twoBack: -31, twoAhead: 60, oneBack: -1, oneAhead: 59 },
  ])(
    'at the $edge second of a step: accepts the previous and the next step, nothing further',
    async ({ offset, twoBack: back2, twoAhead: ahead2, oneBack: back1, oneAhead: ahead1 }) => {
      // Prepare
      const app = await testApp();
      const { factorId, secret } = await activeTotp(app, 'u');
      moveToStepOffset(app, offset, 3);
      const epoch = epochOf(app);
      expect(epoch % STEP).toBe(offset);
      // Act
      const twoBack = await app.call('POST', '/v1/users/u/verify', {
        code: await codeAt(secret, epoch + back2),
      });
      const twoAhead = await app.call('POST', '/v1/users/u/verify', {
        code: await codeAt(secret, epoch + ahead2),
      });
      const oneBack = await app.call('POST', '/v1/users/u/verify', {
        code: await codeAt(secret, epoch + back1),
      });
      const driftBack = await factorItem(app, 'u', factorId);
      const oneAhead = await app.call('POST', '/v1/users/u/verify', {
        code: await codeAt(secret, epoch + ahead1),
      });
      const driftAhead = await factorItem(app, 'u', factorId);
      // Assess
      expect(twoBack.body.code).toBe('code_incorrect');
      expect(twoAhead.body.code).toBe('code_incorrect');
      expect(oneBack.status).toBe(200);
      expect(driftBack).toMatchObject({ lastTotpStep: stepOf(epoch) - 1, totpDrift: -1 });
      expect(oneAhead.status).toBe(200);
      expect(driftAhead).toMatchObject({ lastTotpStep: stepOf(epoch) + 1, totpDrift: 1 });
    },
  );

  it('a code accepted at the last second of a step cannot be replayed a second later', async () => {
    // Prepare
    const app = await testApp();
    const { secret } = await activeTotp(app, 'u');
    moveToStepOffset(app, STEP - 1, 2);
    const code = await codeAt(secret, epochOf(app));
    const first = await app.call('POST', '/v1/users/u/verify', { code });
    // Act: the next second is the next step, and the code is still inside the window.
    app.clock.advance(1);
    const replay = await app.call('POST', '/v1/users/u/verify', { code });
    app.clock.advance(STEP);
    const outside = await app.call('POST', '/v1/users/u/verify', { code });
    // Assess
    expect(first.status).toBe(200);
    expect(replay).toMatchObject({ status: 409, body: { code: 'code_already_used' } });
    // Two steps on, the code is simply wrong.
    expect(outside.body.code).toBe('code_incorrect');
  });
});

describe('Rule: TOTP failures count toward the one lockout', () => {
  it('locks after five wrong authenticator codes', async () => {
    // Prepare
    const app = await testApp();
    const { secret } = await activeTotp(app, 'u');
    const wrong = await wrongCode(secret, epochOf(app));
    // Act
    const answers: TestResponse[] = [];
    for (let i = 0; i < 5; i++) answers.push(await app.call('POST', '/v1/users/u/verify', { code: wrong }));
    const right = await app.call('POST', '/v1/users/u/verify', { code: await codeAt(secret, epochOf(app)) });
    // Assess
    expect(answers.slice(0, 4).map((a) => a.body.attemptsRemaining)).toEqual([4, 3, 2, 1]);
    expect(answers[4]).toMatchObject({ status: 423, body: { code: 'locked', attemptsRemaining: 0 } });
    expect(right.status).toBe(423);
  });

  it('shares the count with challenge codes and recovery codes', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const { secret } = await activeTotp(app, 'u');
    const wrongTotp = await wrongCode(secret, epochOf(app));
    // Act
    const totp1 = await app.call('POST', '/v1/users/u/verify', { code: wrongTotp });
    const recovery = await app.call('POST', '/v1/users/u/verify', { code: 'aaaa-bbbb-cccc' });
    app.clock.advance(61);
    await app.call('POST', '/v1/users/u/challenges', {});
    const smsCode = app.lastCode(PHONE);
    const wrongSms = smsCode === '000000' ? '111111' : '000000';
    const sms1 = await app.call('POST', '/v1/users/u/verify', { code: wrongSms });
    const totp2 = await app.call('POST', '/v1/users/u/verify', { code: wrongTotp, method: 'totp' });
    const sms2 = await app.call('POST', '/v1/users/u/verify', { code: wrongSms });
    const right = await app.call('POST', '/v1/users/u/verify', { code: smsCode });
    // Assess
    expect([totp1, recovery, sms1, totp2].map((a) => a.body.attemptsRemaining)).toEqual([4, 3, 2, 1]);
    expect(sms2).toMatchObject({ status: 423, body: { code: 'locked' } });
    expect(right.status).toBe(423);
  });
});

describe('Guarantee: a TOTP time step is accepted at most once', () => {
  it('approves exactly one of 20 parallel submissions of one valid code', async () => {
    // Prepare
    const app = await testApp();
    const { secret } = await activeTotp(app, 'race-totp');
    const code = await codeAt(secret, epochOf(app));
    // Act
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => app.call('POST', '/v1/users/race-totp/verify', { code })),
    );
    // Assess
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const others = answers.filter((a) => a.status !== 200);
    expect(others.map((a) => a.body.code)).toEqual(Array.from({ length: 19 }, () => 'code_already_used'));
    const next = await app.call('POST', '/v1/users/race-totp/verify', {
      code: await wrongCode(secret, epochOf(app)),
    });
    // None of the refusals was counted.
    expect(next.body).toMatchObject({ code: 'code_incorrect', attemptsRemaining: 4 });
  });
});
