/**
 * The guarantees of docs/api.md ("Guarantees") under concurrency, against DynamoDB Local: they hold
 * because of conditional writes, so many requests at once cannot break them.
 */
import { activeSmsFactor, testApp, type TestApp } from './harness';

const PHONE = '+14155550123';

async function readyUser(app: TestApp, userId: string): Promise<string> {
  await activeSmsFactor(app, userId, PHONE);
  app.clock.advance(61);
  const sent = await app.call('POST', `/v1/users/${userId}/challenges`, {});
  expect(sent.status).toBe(202);
  return app.lastCode(PHONE);
}

function wrongCodeFor(code: string, i: number): string {
  const n = (Number(code) + 1 + i) % 1_000_000;
  return String(n === Number(code) ? (n + 1) % 1_000_000 : n).padStart(6, '0');
}

describe('Guarantee: attempts are bounded under concurrency', () => {
  it('evaluates at most maxAttempts of 100 parallel wrong codes and approves none', async () => {
    // Prepare
    const app = await testApp();
    const code = await readyUser(app, 'race-wrong');
    // Act
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        app.call('POST', '/v1/users/race-wrong/verify', { code: wrongCodeFor(code, i) }),
      ),
    );
    // Assess
    const statuses = answers.map((a) => a.status);
    const incorrect = answers.filter((a) => a.body.code === 'code_incorrect');
    const locked = answers.filter((a) => a.body.code === 'locked');
    expect(statuses.filter((s) => s === 200)).toHaveLength(0);
    expect(incorrect.length + locked.length).toBe(100);
    expect(incorrect.length).toBeLessThanOrEqual(app.policy.maxAttempts - 1);
    // Exactly maxAttempts wrong codes were counted: the last of them locked the user.
    expect(locked.filter((a) => a.body.attemptsRemaining === 0)).toHaveLength(1);
    expect(incorrect.length).toBe(app.policy.maxAttempts - 1);
    // The right code is refused while locked.
    const right = await app.call('POST', '/v1/users/race-wrong/verify', { code });
    expect(right.status).toBe(423);
  });
});

describe('Guarantee: a code is accepted at most once', () => {
  it('approves exactly one of 30 parallel submissions of the right code', async () => {
    // Prepare
    const app = await testApp();
    const code = await readyUser(app, 'race-right');
    // Act
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => app.call('POST', '/v1/users/race-right/verify', { code })),
    );
    // Assess
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const others = answers.filter((a) => a.status !== 200);
    expect(others.every((a) => a.body.code === 'code_already_used')).toBe(true);
  });

  it('accepts one recovery code exactly once under 20 parallel uses', async () => {
    // Prepare
    const app = await testApp();
    const { recoveryCodes } = await activeSmsFactor(app, 'race-recovery', PHONE);
    const recovery = (recoveryCodes as string[])[0] as string;
    // Act
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        app.call('POST', '/v1/users/race-recovery/verify', { code: recovery }),
      ),
    );
    // Assess
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.find((a) => a.status === 200)?.body).toMatchObject({ recoveryCodesRemaining: 9 });
  });
});

describe('Guarantee: one send per cooldown', () => {
  it('sends once when 20 challenges are requested together', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'race-send', PHONE);
    app.clock.advance(61);
    const before = app.outbox.list({ to: PHONE }).length;
    // Act
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => app.call('POST', '/v1/users/race-send/challenges', {})),
    );
    // Assess
    expect(answers.filter((a) => a.status === 202)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 429).every((a) => a.body.code === 'resend_too_soon')).toBe(
      true,
    );
    expect(answers.filter((a) => a.status === 429)).toHaveLength(19);
    expect(app.outbox.list({ to: PHONE }).length - before).toBe(1);
  });
});
