/**
 * The guarantees of docs/api.md "Guarantees", tried as an attacker would, against
 * DynamoDB Local: a right code hidden among 100 parallel guesses (verify, TOTP,
 * activation), exact attempts left under concurrency, sends on two channels of one
 * purpose at once, one mailbox spelled seven ways, a notice past a destination's
 * cap, and a used recovery code. A test that sends only wrong codes cannot see a
 * right one slip through.
 */
import { generate } from 'otplib';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { activeSmsFactor, rawClient, testApp, type TestApp, type TestResponse } from './harness';

const PHONE = '+14155550123';
const EMAIL = 'owner@example.com';
const TRIALS = 10;
const GUESSES = 100;

function wrongCodeFor(code: string, i: number): string {
  const n = (Number(code) + 1 + i) % 1_000_000;
  return String(n === Number(code) ? (n + 1) % 1_000_000 : n).padStart(6, '0');
}

/** The right code at a random place among `GUESSES - 1` wrong ones, all sent at once. */
async function hiddenAmongGuesses(
  send: (code: string) => Promise<TestResponse>,
  right: string,
): Promise<{ approved: boolean; compared: number }> {
  const at = Math.floor(Math.random() * GUESSES);
  const codes = Array.from({ length: GUESSES }, (_, i) => (i === at ? right : wrongCodeFor(right, i)));
  const answers = await Promise.all(codes.map(send));
  const approved = answers.filter((a) => a.status === 200).length;
  expect(approved).toBeLessThanOrEqual(1);
  // Every compared code is answered 200, code_incorrect, or the lock it caused (attemptsRemaining 0).
  const compared = answers.filter(
    (a) => a.status === 200 || a.body.code === 'code_incorrect' || a.body.attemptsRemaining === 0,
  ).length;
  return { approved: approved === 1, compared };
}

async function activeEmailFactor(app: TestApp, userId: string, email = EMAIL): Promise<string> {
  const added = await app.call('POST', `/v1/users/${userId}/factors`, { type: 'email', destination: email });
  const factorId = (added.body.factor as { factorId: string }).factorId;
  const activated = await app.call('POST', `/v1/users/${userId}/factors/${factorId}/activate`, {
    code: app.lastCode(email),
  });
  expect(activated.status).toBe(200);
  return factorId;
}

describe('Guarantee: a guess takes an attempt before its code is compared', () => {
  /**
   * Over TRIALS users, each prepared by `prepare` (which returns how to send a guess and
   * the right code), hides the right code among GUESSES parallel guesses. No window ever
   * compares more than maxAttempts codes (a success opens a new one), and approvals stay
   * near 5 %: 5 or more of 10 would happen by chance about once in 10,000 runs.
   */
  async function approvalsAmongGuesses(
    app: TestApp,
    prepare: (trial: number) => Promise<{ send: (code: string) => Promise<TestResponse>; right: string }>,
  ): Promise<void> {
    let approvals = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const { send, right } = await prepare(trial);
      const result = await hiddenAmongGuesses(send, right);
      // A success resets the count: an authenticator's later guesses start a window of their own.
      expect(result.compared).toBeLessThanOrEqual(app.policy.maxAttempts * (result.approved ? 2 : 1));
      if (result.approved) approvals++;
    }
    expect(approvals).toBeLessThanOrEqual(4);
  }

  it('approves a right code hidden among 100 parallel verify guesses about 5 times in 100', async () => {
    const app = await testApp();
    await approvalsAmongGuesses(app, async (trial) => {
      const userId = `hidden-verify-${trial}`;
      const phone = `+1415555${String(2000 + trial).padStart(4, '0')}`;
      await activeSmsFactor(app, userId, phone);
      app.clock.advance(61);
      expect((await app.call('POST', `/v1/users/${userId}/challenges`, {})).status).toBe(202);
      return {
        send: (c) => app.call('POST', `/v1/users/${userId}/verify`, { code: c }),
        right: app.lastCode(phone),
      };
    });
  }, 120_000);

  it('approves a right TOTP code hidden among 100 parallel guesses about 5 times in 100', async () => {
    const app = await testApp();
    await approvalsAmongGuesses(app, async (trial) => {
      const userId = `hidden-totp-${trial}`;
      const added = await app.call('POST', `/v1/users/${userId}/factors`, { type: 'totp' });
      const { factorId } = added.body.factor as { factorId: string };
      const secret = added.body.secret as string;
      const epoch = () => Math.floor(app.clock.now() / 1000);
      const activated = await app.call('POST', `/v1/users/${userId}/factors/${factorId}/activate`, {
        code: await generate({ secret, epoch: epoch() }),
      });
      expect(activated.status).toBe(200);
      app.clock.advance(60);
      return {
        send: (c) => app.call('POST', `/v1/users/${userId}/verify`, { code: c, method: 'totp' }),
        right: await generate({ secret, epoch: epoch() }),
      };
    });
  }, 120_000);

  it('activates with a right enrolment code hidden among 100 parallel guesses about 5 times in 100', async () => {
    const app = await testApp();
    await approvalsAmongGuesses(app, async (trial) => {
      const userId = `hidden-activate-${trial}`;
      const phone = `+1415555${String(3000 + trial).padStart(4, '0')}`;
      const added = await app.call('POST', `/v1/users/${userId}/factors`, {
        type: 'sms',
        destination: phone,
      });
      const { factorId } = added.body.factor as { factorId: string };
      return {
        send: (c) => app.call('POST', `/v1/users/${userId}/factors/${factorId}/activate`, { code: c }),
        right: app.lastCode(phone),
      };
    });
  }, 120_000);

  it('reports a different attemptsRemaining to each of 4 parallel wrong codes', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'parallel-left', PHONE);
    app.clock.advance(61);
    await app.call('POST', '/v1/users/parallel-left/challenges', {});
    const code = app.lastCode(PHONE);
    // Act
    const answers = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        app.call('POST', '/v1/users/parallel-left/verify', { code: wrongCodeFor(code, i) }),
      ),
    );
    // Assess
    expect(answers.map((a) => a.body.code)).toEqual(Array(4).fill('code_incorrect'));
    expect(answers.map((a) => a.body.attemptsRemaining).sort()).toEqual([1, 2, 3, 4]);
    const last = await app.call('POST', '/v1/users/parallel-left/verify', { code });
    expect(last.status).toBe(200);
  });

  it('gives the attempt back for a superseded code, so it costs nothing', async () => {
    // Prepare
    const app = await testApp({ policy: { reuseMinRemainingSeconds: 600 } });
    await activeSmsFactor(app, 'give-back', PHONE);
    app.clock.advance(61);
    await app.call('POST', '/v1/users/give-back/challenges', {});
    const old = app.lastCode(PHONE);
    app.clock.advance(61);
    await app.call('POST', '/v1/users/give-back/challenges', {});
    const current = app.lastCode(PHONE);
    // Act: the old code five times at once, then one wrong code.
    const superseded = await Promise.all(
      [1, 2, 3, 4, 5].map(() => app.call('POST', '/v1/users/give-back/verify', { code: old })),
    );
    const wrong = await app.call('POST', '/v1/users/give-back/verify', { code: wrongCodeFor(current, 7) });
    // Assess
    expect(superseded.map((a) => a.body.code)).toEqual(Array(5).fill('code_superseded'));
    expect(wrong.body).toMatchObject({ code: 'code_incorrect', attemptsRemaining: 4 });
  });

  it('locks from its own answer: a locked user is told so without any code being compared', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'locked-first', PHONE);
    app.clock.advance(61);
    await app.call('POST', '/v1/users/locked-first/challenges', {});
    const code = app.lastCode(PHONE);
    for (let i = 0; i < app.policy.maxAttempts; i++) {
      await app.call('POST', '/v1/users/locked-first/verify', { code: wrongCodeFor(code, i) });
    }
    // Act
    const right = await app.call('POST', '/v1/users/locked-first/verify', { code });
    // Assess
    expect(right).toMatchObject({ status: 423, body: { code: 'locked' } });
    expect(right.headers['retry-after']).toBeDefined();
  });
});

describe('Guarantee: one purpose has one live code', () => {
  it('makes one code when an SMS and an email challenge are asked for at the same moment', async () => {
    for (let trial = 0; trial < 6; trial++) {
      // Prepare
      const app = await testApp();
      const userId = `two-channels-${trial}`;
      await activeSmsFactor(app, userId, PHONE);
      await activeEmailFactor(app, userId);
      app.clock.advance(61);
      // Act
      const [sms, email] = await Promise.all([
        app.call('POST', `/v1/users/${userId}/challenges`, { channel: 'sms' }),
        app.call('POST', `/v1/users/${userId}/challenges`, { channel: 'email' }),
      ]);
      // Assess
      expect([sms.status, email.status]).toEqual([202, 202]);
      expect(sms.body.challengeId).toBe(email.body.challengeId);
      expect(app.lastCode(PHONE)).toBe(app.lastCode(EMAIL));
      const approved = await app.call('POST', `/v1/users/${userId}/verify`, { code: app.lastCode(PHONE) });
      expect(approved.status).toBe(200);
    }
  }, 60_000);

  it('makes one live code when ten sends on every channel arrive together', async () => {
    // Prepare
    const app = await testApp({ policy: { maxSendsPerHour: 100, maxSendsPerDay: 100 } });
    await activeSmsFactor(app, 'many-sends', PHONE);
    await activeEmailFactor(app, 'many-sends');
    app.clock.advance(61);
    // Act
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        app.call('POST', '/v1/users/many-sends/challenges', { channel: i % 2 ? 'sms' : 'email' }),
      ),
    );
    // Assess: one send per channel (the cooldown), one challenge, one code.
    const sent = answers.filter((a) => a.status === 202);
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((a) => a.body.challengeId)).size).toBe(1);
    expect(app.lastCode(PHONE)).toBe(app.lastCode(EMAIL));
  });
});

describe('Guarantee: a destination never receives more messages than its caps', () => {
  it('counts seven spellings of one mailbox as one destination', async () => {
    // Prepare: seven accounts, one mailbox (letter case and +tags).
    const app = await testApp();
    const spellings = [
      'jane@example.com',
      'Jane@example.com',
      'JANE@EXAMPLE.COM',
      'jane+a@example.com',
      'jane+shop@Example.com',
      'JaNe+x@example.com',
      'jane+@example.com',
    ];
    // Act
    const answers = [];
    for (const [i, destination] of spellings.entries()) {
      answers.push(await app.call('POST', `/v1/users/spell-${i}/factors`, { type: 'email', destination }));
    }
    // Assess
    expect(answers.filter((a) => a.status === 201)).toHaveLength(app.policy.maxSendsPerHour);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(spellings.length - app.policy.maxSendsPerHour);
    for (const r of refused) expect(r.body.code).toBe('send_limit_exceeded');
    const delivered = app.outbox.list({}).filter((m) => m.channel === 'email');
    expect(delivered).toHaveLength(app.policy.maxSendsPerHour);
  });

  it('counts security notices: past the cap a notice goes to another factor, else is recorded as not sent', async () => {
    // Prepare: the owner has a phone only; others fill the phone's hourly cap.
    const app = await testApp();
    await activeSmsFactor(app, 'owner', PHONE);
    app.clock.advance(61);
    await app.call('POST', '/v1/users/owner/challenges', {});
    const code = app.lastCode(PHONE);
    for (let i = 0; app.outbox.list({ to: PHONE }).length < app.policy.maxSendsPerHour; i++) {
      await app.call('POST', `/v1/users/filler-${i}/factors`, { type: 'sms', destination: PHONE });
    }
    const before = app.outbox.list({ to: PHONE }).length;
    // Act: the owner is locked, which notifies them.
    for (let i = 0; i < app.policy.maxAttempts; i++) {
      await app.call('POST', '/v1/users/owner/verify', { code: wrongCodeFor(code, i) });
    }
    // Assess
    expect(app.outbox.list({ to: PHONE })).toHaveLength(before);
    const events = (await app.call('GET', '/v1/users/owner/events?limit=100')).body.events as Array<{
      type: string;
      notice?: string;
    }>;
    expect(events).toContainEqual(expect.objectContaining({ type: 'notice_not_sent', notice: 'locked' }));
  });

  it('sends a capped notice to the owner’s next factor instead', async () => {
    // Prepare: the owner's email is capped by other accounts; the phone is not.
    const app = await testApp();
    await activeSmsFactor(app, 'owner2', PHONE);
    await activeEmailFactor(app, 'owner2');
    for (let i = 0; app.outbox.list({ to: EMAIL }).length < app.policy.maxSendsPerHour; i++) {
      await app.call('POST', `/v1/users/mail-filler-${i}/factors`, { type: 'email', destination: EMAIL });
    }
    const emails = app.outbox.list({ to: EMAIL }).length;
    const texts = app.outbox.list({ to: PHONE }).length;
    // Act
    expect((await app.call('POST', '/v1/users/owner2/recovery-codes')).status).toBe(201);
    // Assess
    expect(app.outbox.list({ to: EMAIL })).toHaveLength(emails);
    expect(app.outbox.list({ to: PHONE })).toHaveLength(texts + 1);
  });
});

describe('Guarantee: a recovery code is accepted once', () => {
  it('answers a used recovery code 409 code_already_used and does not count it', async () => {
    // Prepare
    const app = await testApp();
    const { recoveryCodes } = await activeSmsFactor(app, 'reuse', PHONE);
    const [first] = recoveryCodes as [string];
    expect((await app.call('POST', '/v1/users/reuse/verify', { code: first })).status).toBe(200);
    // Act: the used code ten times at once, then a wrong recovery code.
    const reused = await Promise.all(
      Array.from({ length: 10 }, () => app.call('POST', '/v1/users/reuse/verify', { code: first })),
    );
    const wrong = await app.call('POST', '/v1/users/reuse/verify', { code: 'zzzz-zzzz-zzzz' });
    // Assess
    for (const r of reused) expect(r).toMatchObject({ status: 409, body: { code: 'code_already_used' } });
    expect(wrong.body).toMatchObject({ code: 'code_incorrect', attemptsRemaining: 4 });
  });
});

describe('Guarantee: a request that dies holding the last attempt cannot lock a user for good', () => {
  it('locks as of the dead attempt, and opens the next window when that lock ends', async () => {
    // Prepare: the window's last attempt was taken a minute ago and never judged (its request died).
    const app = await testApp();
    await activeSmsFactor(app, 'dead-attempt', PHONE);
    app.clock.advance(61);
    await app.call('POST', '/v1/users/dead-attempt/challenges', {});
    const code = app.lastCode(PHONE);
    const then = app.clock.now() - 60_000;
    const client = rawClient();
    await client.send(
      new UpdateItemCommand({
        TableName: app.tableName,
        Key: { pk: { S: 'USER#dead-attempt' }, sk: { S: 'STATE' } },
        UpdateExpression: 'SET attempts = :five, attemptLimit = :five, lastAttemptAt = :then',
        ExpressionAttributeValues: {
          ':five': { N: '5' },
          ':then': { N: String(then) },
        },
      }),
    );
    client.destroy();
    // Act
    const during = await app.call('POST', '/v1/users/dead-attempt/verify', { code });
    app.clock.advance(app.policy.firstLockoutSeconds);
    const after = await app.call('POST', '/v1/users/dead-attempt/verify', { code });
    // Assess
    expect(during).toMatchObject({ status: 423, body: { code: 'locked' } });
    expect(Date.parse(during.body.lockedUntil as string)).toBe(then + app.policy.firstLockoutSeconds * 1000);
    expect(after.status).toBe(200);
  });
});

describe('Decision: a remembered device while the user is locked', () => {
  it('keeps trusting the owner’s device: the lock stops guessing, and a device token cannot be guessed', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'device-lock', PHONE);
    app.clock.advance(61);
    await app.call('POST', '/v1/users/device-lock/challenges', {});
    const remembered = await app.call('POST', '/v1/users/device-lock/verify', {
      code: app.lastCode(PHONE),
      rememberDevice: true,
    });
    const deviceToken = remembered.body.deviceToken as string;
    app.clock.advance(61);
    await app.call('POST', '/v1/users/device-lock/challenges', {});
    const code = app.lastCode(PHONE);
    for (let i = 0; i < app.policy.maxAttempts; i++) {
      await app.call('POST', '/v1/users/device-lock/verify', { code: wrongCodeFor(code, i) });
    }
    // Act
    const locked = await app.call('POST', '/v1/users/device-lock/verify', { code });
    const device = await app.call('POST', '/v1/users/device-lock/devices/verify', { deviceToken });
    const forged = await app.call('POST', '/v1/users/device-lock/devices/verify', {
      deviceToken: `${deviceToken.slice(0, -1)}${deviceToken.endsWith('A') ? 'B' : 'A'}`,
    });
    // Assess
    expect(locked.status).toBe(423);
    expect(device.body).toMatchObject({ trusted: true });
    expect(forged.body).toEqual({ trusted: false });
  });
});
