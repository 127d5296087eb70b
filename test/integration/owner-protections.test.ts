/**
 * The owner's protections: reporting a code they did not ask for (with the API
 * key, or through the signed link in the email), security notices (at most one
 * per kind every 10 minutes, never with a code), erasure that leaves nothing
 * behind, the support unlock on record, and the factor rules.
 */
import { generate } from 'otplib';
import { reportToken } from '../../lambdas/domain/report-token';
import { API_KEY, activeSmsFactor, scanTable, testApp, type TestApp, type TestResponse } from './harness';

const PHONE = '+14155550100';
const EMAIL = 'jane@example.com';
const PUBLIC_URL = 'https://auth.example.com';

/** What each notice says, to find it in the outbox. */
const NOTICE = {
  factor_added: 'A new way to receive codes was added',
  factor_removed: 'A way to receive codes was removed',
  locked: 'locked for a while',
  recovery_code_used: 'A recovery code was used',
  recovery_codes_regenerated: 'New recovery codes were created',
  unrequested_code_reported: 'You reported a code you did not ask for',
} as const;

function messagesTo(app: TestApp, to: string) {
  return app.outbox.list({ to });
}

function noticesTo(app: TestApp, to: string, kind: keyof typeof NOTICE) {
  return messagesTo(app, to).filter((m) => `${m.subject ?? ''}\n${m.body}`.includes(NOTICE[kind]));
}

/** An active email factor next to the user's other factors. */
async function activeEmailFactor(app: TestApp, userId: string, email = EMAIL): Promise<string> {
  const added = await app.call('POST', `/v1/users/${userId}/factors`, { type: 'email', destination: email });
  if (added.status !== 201) throw new Error(`enrol failed: ${JSON.stringify(added.body)}`);
  const factorId = (added.body.factor as { factorId: string }).factorId;
  const activated = await app.call('POST', `/v1/users/${userId}/factors/${factorId}/activate`, {
    code: app.lastCode(email),
  });
  if (activated.status !== 200) throw new Error(`activate failed: ${JSON.stringify(activated.body)}`);
  return factorId;
}

async function sendChallenge(app: TestApp, userId: string, body: Record<string, unknown> = {}) {
  app.clock.advance(61);
  const sent = await app.call('POST', `/v1/users/${userId}/challenges`, body);
  if (sent.status !== 202) throw new Error(`challenge failed: ${JSON.stringify(sent.body)}`);
  return sent.body.challengeId as string;
}

async function rememberDevice(app: TestApp, userId: string, phone = PHONE): Promise<string> {
  await sendChallenge(app, userId, { channel: 'sms' });
  const verified = await app.call('POST', `/v1/users/${userId}/verify`, {
    code: app.lastCode(phone),
    rememberDevice: true,
  });
  return verified.body.deviceToken as string;
}

/** A request without the API key, as a browser following the emailed link makes it. */
async function publicCall(app: TestApp, method: string, path: string, body?: string): Promise<TestResponse> {
  const response = await app.dispatch({
    method,
    path,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body ?? null,
  });
  const json = response.headers['content-type']?.includes('json');
  return {
    status: response.statusCode,
    headers: response.headers,
    body:
      json && response.body ? (JSON.parse(response.body) as TestResponse['body']) : { text: response.body },
  };
}

const lockWith = async (app: TestApp, userId: string) => {
  let last: TestResponse | undefined;
  for (let i = 0; i < app.policy.maxAttempts; i++)
    last = await app.call('POST', `/v1/users/${userId}/verify`, { code: 'aaaa-bbbb-cccc' });
  expect(last?.status).toBe(423);
};

describe('Use case: report an unrequested code', () => {
  it('cancels the code, revokes devices, records the event and notifies the owner by email', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    await activeEmailFactor(app, 'u');
    const token = await rememberDevice(app, 'u');
    const challengeId = await sendChallenge(app, 'u', { channel: 'sms' });
    const code = app.lastCode(PHONE);
    const context = { ip: '198.51.100.4', userAgent: 'owner-app/1.0' };
    // Act
    const reported = await app.call('POST', `/v1/users/u/challenges/${challengeId}/report`, { context });
    const entered = await app.call('POST', '/v1/users/u/verify', { code });
    const status = await app.call('GET', `/v1/users/u/challenges/${challengeId}`);
    const device = await app.call('POST', '/v1/users/u/devices/verify', { deviceToken: token });
    const events = await app.call('GET', '/v1/users/u/events');
    // Assess
    expect(reported).toMatchObject({ status: 202, body: { status: 'reported', codeCanceled: true } });
    // A canceled code is over: answered as expired, not counted, never approved.
    expect(entered).toMatchObject({ status: 410, body: { code: 'code_expired' } });
    expect(status.body).toMatchObject({ status: 'canceled' });
    expect(device.body).toEqual({ trusted: false });
    expect(events.body.events).toContainEqual(
      expect.objectContaining({ type: 'unrequested_code_reported', context }),
    );
    const notices = noticesTo(app, EMAIL, 'unrequested_code_reported');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body).not.toContain(code);
    expect(noticesTo(app, PHONE, 'unrequested_code_reported')).toHaveLength(0);
  });

  it('notifies by SMS when the owner has no email factor', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const challengeId = await sendChallenge(app, 'u');
    const code = app.lastCode(PHONE);
    // Act
    const reported = await app.call('POST', `/v1/users/u/challenges/${challengeId}/report`);
    // Assess
    expect(reported.status).toBe(202);
    const newest = messagesTo(app, PHONE)[0];
    expect(newest?.body).toContain(NOTICE.unrequested_code_reported);
    expect(newest?.body).not.toContain(code);
  });

  it('answers 202 without canceling a code that is no longer pending, and 404 for an unknown one', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const challengeId = await sendChallenge(app, 'u');
    await app.call('POST', '/v1/users/u/verify', { code: app.lastCode(PHONE) });
    // Act
    const used = await app.call('POST', `/v1/users/u/challenges/${challengeId}/report`);
    const unknown = await app.call('POST', '/v1/users/u/challenges/01ARZ3NDEKTSV4RRFFQ69G5FAV/report');
    const otherUser = await app.call('POST', `/v1/users/v/challenges/${challengeId}/report`);
    // Assess
    expect(used).toMatchObject({ status: 202, body: { codeCanceled: false } });
    expect((await app.call('GET', `/v1/users/u/challenges/${challengeId}`)).body.status).toBe('approved');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(otherUser).toMatchObject({ status: 404, body: { code: 'not_found' } });
  });

  it('treats a challenge past its record retention as gone', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const challengeId = await sendChallenge(app, 'u');
    // Act: the code's life (10 min) and the record's retention (24 h) have passed.
    app.clock.advance(600 + 86_400 + 1);
    const late = await app.call('POST', `/v1/users/u/challenges/${challengeId}/report`);
    const events = await app.call('GET', '/v1/users/u/events');
    // Assess
    expect(late).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(events.body.events).not.toContainEqual(
      expect.objectContaining({ type: 'unrequested_code_reported' }),
    );
  });
});

describe('Use case: the signed report link in an email', () => {
  async function emailedLink(
    app: TestApp,
  ): Promise<{ token: string; challengeId: string; code: string; deviceToken: string }> {
    await activeSmsFactor(app, 'u', PHONE);
    await activeEmailFactor(app, 'u');
    // The device is remembered first: its sign-in code is used up, so the emailed one is new.
    const deviceToken = await rememberDevice(app, 'u');
    const challengeId = await sendChallenge(app, 'u', { channel: 'email' });
    const message = messagesTo(app, EMAIL)[0];
    const match = /https:\/\/auth\.example\.com\/report\/([^\s"<>]+)/.exec(message?.body ?? '');
    if (!match) throw new Error(`no report link in: ${message?.body ?? '(none)'}`);
    return {
      token: decodeURIComponent(match[1] as string),
      challengeId,
      code: app.lastCode(EMAIL),
      deviceToken,
    };
  }

  it('puts a /report/<token> link in the email when ONETIME_PUBLIC_URL is set', async () => {
    // Prepare
    const app = await testApp({ env: { ONETIME_PUBLIC_URL: `${PUBLIC_URL}/` } });
    // Act
    const { token } = await emailedLink(app);
    // Assess
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(messagesTo(app, EMAIL)[0]?.body).toContain(`${PUBLIC_URL}/report/${token}`);
    // SMS has no room for it.
    expect(messagesTo(app, PHONE).some((m) => m.body.includes('/report/'))).toBe(false);
  });

  it('puts no report link in an enrolment email: the address being added may not be the owner', async () => {
    // Prepare
    const app = await testApp({ env: { ONETIME_PUBLIC_URL: PUBLIC_URL } });
    // Act
    await app.call('POST', '/v1/users/u/factors', { type: 'email', destination: EMAIL });
    // Assess
    expect(messagesTo(app, EMAIL)[0]?.body).not.toContain('/report/');
  });

  it('answers 404 to the report page of a token that is not genuine', async () => {
    // Prepare
    const app = await testApp({ env: { ONETIME_PUBLIC_URL: PUBLIC_URL } });
    // Act
    const page = await publicCall(app, 'GET', '/report/not.genuine');
    // Assess
    expect(page.status).toBe(404);
  });

  it('has no report link without ONETIME_PUBLIC_URL', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    await activeEmailFactor(app, 'u');
    // Act
    await sendChallenge(app, 'u', { channel: 'email' });
    // Assess
    expect(messagesTo(app, EMAIL)[0]?.body).not.toContain('/report/');
  });

  it('serves a page with a form on GET, and the GET changes nothing', async () => {
    // Prepare
    const app = await testApp({ env: { ONETIME_PUBLIC_URL: PUBLIC_URL } });
    const { token, challengeId } = await emailedLink(app);
    const eventsBefore = (await app.call('GET', '/v1/users/u/events?limit=100')).body.events as unknown[];
    // Act
    const page = await publicCall(app, 'GET', `/report/${token}`);
    const again = await publicCall(app, 'GET', `/report/${token}`);
    // Assess
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const html = page.body.text as string;
    expect(html).toMatch(/<form[^>]+method="post"/);
    expect(html).toContain(`action="/v1/reports/${token}"`);
    expect(again.status).toBe(200);
    const status = await app.call('GET', `/v1/users/u/challenges/${challengeId}`);
    expect(status.body.status).toBe('pending');
    const eventsAfter = (await app.call('GET', '/v1/users/u/events?limit=100')).body.events as unknown[];
    expect(eventsAfter).toEqual(eventsBefore);
    expect(noticesTo(app, EMAIL, 'unrequested_code_reported')).toHaveLength(0);
  });

  it('reports on POST without an API key: 202, and the code is canceled', async () => {
    // Prepare
    const app = await testApp({ env: { ONETIME_PUBLIC_URL: PUBLIC_URL } });
    const { token, challengeId, code, deviceToken: device } = await emailedLink(app);
    // Act: the page's button sends `{}`.
    const reported = await publicCall(app, 'POST', `/v1/reports/${token}`, '{}');
    const bodyless = await publicCall(app, 'POST', `/v1/reports/${token}`);
    const entered = await app.call('POST', '/v1/users/u/verify', { code });
    // Assess
    expect(reported).toMatchObject({ status: 202, body: { status: 'reported', codeCanceled: true } });
    expect(bodyless).toMatchObject({ status: 202, body: { codeCanceled: false } });
    expect((await app.call('GET', `/v1/users/u/challenges/${challengeId}`)).body.status).toBe('canceled');
    expect(entered.body.code).toBe('code_expired');
    const trusted = await app.call('POST', '/v1/users/u/devices/verify', { deviceToken: device });
    expect(trusted.body).toEqual({ trusted: false });
    const events = (await app.call('GET', '/v1/users/u/events')).body.events as Array<{ type: string }>;
    expect(events.filter((e) => e.type === 'unrequested_code_reported').length).toBeGreaterThanOrEqual(1);
    expect(noticesTo(app, EMAIL, 'unrequested_code_reported')).toHaveLength(1);
  });

  it('answers 404 to a forged, altered or garbage token and changes nothing', async () => {
    // Prepare
    const app = await testApp({ env: { ONETIME_PUBLIC_URL: PUBLIC_URL } });
    const { token, challengeId } = await emailedLink(app);
    const raw = Buffer.from(token, 'base64url');
    const flip = (i: number) => {
      const copy = Buffer.from(raw);
      copy[i] = (copy[i] ?? 0) ^ 0x01;
      return copy.toString('base64url');
    };
    const forged = [
      flip(0),
      flip(raw.length - 1),
      flip(Math.floor(raw.length / 2)),
      reportToken(Buffer.alloc(32, 9), { userId: 'u', challengeId, expiresAt: app.clock.now() + 86_400_000 }),
      token.slice(0, -2),
      `${token}.x`,
      'garbage',
      'a.b',
    ];
    // Act
    const answers = await Promise.all(forged.map((t) => publicCall(app, 'POST', `/v1/reports/${t}`, '{}')));
    // Assess
    for (const answer of answers) expect(answer).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect((await app.call('GET', `/v1/users/u/challenges/${challengeId}`)).body.status).toBe('pending');
  });

  it('acts once when the same link is posted three times, even at once', async () => {
    // Prepare
    const app = await testApp({ env: { ONETIME_PUBLIC_URL: PUBLIC_URL } });
    const { token } = await emailedLink(app);
    const eventsBefore = (await app.call('GET', '/v1/users/u/events?limit=100')).body.events as unknown[];
    // Act
    const answers = await Promise.all(
      [1, 2, 3].map(() => publicCall(app, 'POST', `/v1/reports/${token}`, '{}')),
    );
    const later = await publicCall(app, 'POST', `/v1/reports/${token}`, '{}');
    // Assess
    for (const answer of [...answers, later]) expect(answer.status).toBe(202);
    expect(answers.filter((a) => a.body.codeCanceled === true)).toHaveLength(1);
    const events = (await app.call('GET', '/v1/users/u/events?limit=100')).body.events as Array<{
      type: string;
    }>;
    const added = events.slice(0, events.length - eventsBefore.length);
    expect(added.filter((e) => e.type === 'unrequested_code_reported')).toHaveLength(1);
    expect(added.filter((e) => e.type === 'device_revoked')).toHaveLength(1);
    expect(noticesTo(app, EMAIL, 'unrequested_code_reported')).toHaveLength(1);
  });

  it('records no context from the body of a report link, whoever posts it', async () => {
    // Prepare
    const app = await testApp({ env: { ONETIME_PUBLIC_URL: PUBLIC_URL } });
    const { token } = await emailedLink(app);
    const forgedContext = JSON.stringify({ context: { ip: '203.0.113.66', userAgent: 'attacker' } });
    // Act
    const reported = await publicCall(app, 'POST', `/v1/reports/${token}`, forgedContext);
    // Assess
    expect(reported.status).toBe(202);
    const events = (await app.call('GET', '/v1/users/u/events?limit=100')).body.events as Array<{
      type: string;
      context?: unknown;
    }>;
    const report = events.find((e) => e.type === 'unrequested_code_reported');
    expect(report).toBeDefined();
    expect(report?.context).toBeUndefined();
    expect(JSON.stringify(events)).not.toContain('203.0.113.66');
  });

  it('carries no readable user or challenge id, and expires with the challenge record', async () => {
    // Prepare
    const app = await testApp({ env: { ONETIME_PUBLIC_URL: PUBLIC_URL } });
    const { token, challengeId } = await emailedLink(app);
    // Act
    const decoded = Buffer.from(token, 'base64url').toString('latin1');
    app.clock.advance(app.policy.codeTtlSeconds + app.policy.challengeRetentionSeconds + 1);
    const page = await publicCall(app, 'GET', `/report/${token}`);
    const posted = await publicCall(app, 'POST', `/v1/reports/${token}`, '{}');
    // Assess
    expect(token).not.toContain(challengeId);
    expect(decoded).not.toContain(challengeId);
    expect(decoded).not.toContain('"u"');
    expect(page.status).toBe(404);
    expect(posted).toMatchObject({ status: 404, body: { code: 'not_found' } });
  });

  it('still requires the API key on every other route', async () => {
    // Prepare
    const app = await testApp({ env: { ONETIME_PUBLIC_URL: PUBLIC_URL } });
    const { challengeId } = await emailedLink(app);
    // Act
    const report = await publicCall(app, 'POST', `/v1/users/u/challenges/${challengeId}/report`, '{}');
    const wrongKey = await app.call('POST', `/v1/users/u/challenges/${challengeId}/report`, undefined, {
      'x-api-key': `${API_KEY}x`,
    });
    // Assess
    expect(report.status).toBe(401);
    expect(wrongKey.status).toBe(403);
    expect((await app.call('GET', `/v1/users/u/challenges/${challengeId}`)).body.status).toBe('pending');
  });
});

describe('Use case: security notices', () => {
  it('tells the first factor when a second one is activated, and nobody about the first', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const afterFirst = messagesTo(app, PHONE).length;
    // Act
    await activeEmailFactor(app, 'u');
    // Assess
    expect(afterFirst).toBe(1);
    const notices = noticesTo(app, PHONE, 'factor_added');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body).toContain('j***@example.com');
    expect(notices[0]?.body).not.toContain(EMAIL);
    expect(noticesTo(app, EMAIL, 'factor_added')).toHaveLength(0);
  });

  it('tells the owner when an authenticator app is activated', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const added = await app.call('POST', '/v1/users/u/factors', { type: 'totp' });
    const factorId = (added.body.factor as { factorId: string }).factorId;
    const code = await generate({
      secret: added.body.secret as string,
      epoch: Math.floor(app.clock.now() / 1000),
    });
    // Act
    const activated = await app.call('POST', `/v1/users/u/factors/${factorId}/activate`, { code });
    // Assess
    expect(activated.status).toBe(200);
    expect(noticesTo(app, PHONE, 'factor_added')).toHaveLength(1);
  });

  it('tells the remaining factors, by email first, when a factor is removed', async () => {
    // Prepare
    const app = await testApp();
    const { factorId: smsId } = await activeSmsFactor(app, 'u', PHONE);
    await activeEmailFactor(app, 'u');
    await activeSmsFactor(app, 'u', '+14155550111');
    // Act
    const removed = await app.call('DELETE', `/v1/users/u/factors/${smsId}`);
    // Assess
    expect(removed.status).toBe(204);
    expect(noticesTo(app, EMAIL, 'factor_removed')).toHaveLength(1);
    expect(noticesTo(app, EMAIL, 'factor_removed')[0]?.body).toContain('+1*******0100');
    expect(noticesTo(app, PHONE, 'factor_removed')).toHaveLength(0);
    expect(noticesTo(app, '+14155550111', 'factor_removed')).toHaveLength(0);
  });

  it('tells the owner of a lock, at most once in 10 minutes', async () => {
    // Prepare
    const app = await testApp({ policy: { firstLockoutSeconds: 60, lockoutSeconds: 60 } });
    await activeSmsFactor(app, 'u', PHONE);
    // Act
    await lockWith(app, 'u');
    const afterFirst = noticesTo(app, PHONE, 'locked').length;
    app.clock.advance(61);
    await lockWith(app, 'u');
    const afterSecond = noticesTo(app, PHONE, 'locked').length;
    app.clock.advance(10 * 60 - 61);
    await lockWith(app, 'u');
    const afterThird = noticesTo(app, PHONE, 'locked').length;
    // Assess
    expect(afterFirst).toBe(1);
    expect(afterSecond).toBe(1);
    expect(afterThird).toBe(2);
  });

  it('tells the owner when a recovery code is used and when codes are regenerated', async () => {
    // Prepare
    const app = await testApp();
    const { recoveryCodes } = await activeSmsFactor(app, 'u', PHONE);
    const [first, second] = recoveryCodes as [string, string];
    // Act
    await app.call('POST', '/v1/users/u/verify', { code: first });
    await app.call('POST', '/v1/users/u/verify', { code: second });
    const regenerated = await app.call('POST', '/v1/users/u/recovery-codes');
    // Assess
    expect(noticesTo(app, PHONE, 'recovery_code_used')).toHaveLength(1);
    expect(noticesTo(app, PHONE, 'recovery_codes_regenerated')).toHaveLength(1);
    const all = messagesTo(app, PHONE)
      .map((m) => m.body)
      .join('\n');
    for (const code of [first, second, ...(regenerated.body.recoveryCodes as string[])]) {
      expect(all).not.toContain(code);
    }
  });

  it('limits each kind on its own: one kind does not hold back another', async () => {
    // Prepare
    const app = await testApp();
    const { recoveryCodes } = await activeSmsFactor(app, 'u', PHONE);
    // Act
    await app.call('POST', '/v1/users/u/verify', { code: (recoveryCodes as string[])[0] });
    await app.call('POST', '/v1/users/u/recovery-codes');
    await lockWith(app, 'u');
    // Assess
    expect(noticesTo(app, PHONE, 'recovery_code_used')).toHaveLength(1);
    expect(noticesTo(app, PHONE, 'recovery_codes_regenerated')).toHaveLength(1);
    expect(noticesTo(app, PHONE, 'locked')).toHaveLength(1);
  });

  it('never puts a code in a notice', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const challengeId = await sendChallenge(app, 'u');
    const code = app.lastCode(PHONE);
    const codeMessages = messagesTo(app, PHONE).length;
    // Act
    await activeEmailFactor(app, 'u');
    await app.call('POST', `/v1/users/u/challenges/${challengeId}/report`);
    await lockWith(app, 'u');
    // Assess
    const notices = [
      ...messagesTo(app, PHONE).slice(0, -codeMessages),
      ...messagesTo(app, EMAIL).slice(0, -1),
    ];
    expect(notices.length).toBeGreaterThanOrEqual(3);
    for (const notice of notices) {
      expect(notice.body).not.toContain(code);
      expect(notice.body).not.toMatch(/\b\d{6}\b/);
    }
  });
});

describe('Use case: erase a user', () => {
  it('answers 204 and leaves nothing of the user in the table', async () => {
    // Prepare: factors of every kind, codes, recovery codes, devices, events, an idempotent answer, a notice window.
    const app = await testApp({ policy: { maxSendsPerHour: 20 } });
    const userId = 'erase-me@example.org';
    await activeSmsFactor(app, userId, PHONE);
    await activeEmailFactor(app, userId);
    await app.call('POST', `/v1/users/${userId}/factors`, { type: 'totp', label: 'phone' });
    await app.call('POST', `/v1/users/${userId}/factors`, { type: 'voice', destination: '+14155550122' });
    const deviceToken = await rememberDevice(app, userId);
    app.clock.advance(61);
    await app.call('POST', `/v1/users/${userId}/challenges`, {}, { 'idempotency-key': 'erase-key-1' });
    await lockWith(app, userId);
    await activeSmsFactor(app, 'keep-user-0001', '+14155550199');
    const keptBefore = (await scanTable(app)).filter((i) => JSON.stringify(i).includes('keep-user-0001'));
    const before = (await scanTable(app)).filter((i) => JSON.stringify(i).includes(userId));
    // Act
    const erased = await app.call('DELETE', `/v1/users/${encodeURIComponent(userId)}`);
    const again = await app.call('DELETE', `/v1/users/${encodeURIComponent(userId)}`);
    const items = await scanTable(app);
    // Assess
    expect(before.length).toBeGreaterThan(20);
    expect(erased.status).toBe(204);
    expect(again.status).toBe(204);
    const left = items.filter((i) => JSON.stringify(i).includes(userId));
    expect(left).toEqual([]);
    expect(items.filter((i) => String(i.pk).includes(userId))).toEqual([]);
    const dump = JSON.stringify(items);
    expect(dump).not.toContain(EMAIL);
    expect(dump).not.toContain('4155550100');
    // Another user's data stays, item for item.
    expect(items.filter((i) => JSON.stringify(i).includes('keep-user-0001'))).toEqual(keptBefore);
    expect(keptBefore.length).toBeGreaterThan(3);
    // And the service agrees the user is gone.
    expect((await app.call('GET', `/v1/users/${userId}/factors`)).body).toEqual({
      factors: [],
      twoStepEnabled: false,
    });
    expect((await app.call('GET', `/v1/users/${userId}/events`)).body).toEqual({ events: [] });
    expect((await app.call('GET', `/v1/users/${userId}/devices`)).body).toEqual({ devices: [] });
    const device = await app.call('POST', `/v1/users/${userId}/devices/verify`, { deviceToken });
    expect(device.body).toEqual({ trusted: false });
    const keep = await app.call('GET', '/v1/users/keep-user-0001/factors');
    expect(keep.body).toMatchObject({ twoStepEnabled: true });
  });

  it('erases a user with more items than one batch or one page holds', async () => {
    // Prepare
    const app = await testApp({ policy: { maxSendsPerHour: 100, maxSendsPerDay: 100 } });
    await activeSmsFactor(app, 'big-user-0001', PHONE);
    for (let i = 0; i < 40; i++) {
      app.clock.advance(61);
      await app.call('POST', '/v1/users/big-user-0001/challenges', { purpose: `p${i}` });
      await app.call('POST', '/v1/users/big-user-0001/verify', {
        code: app.lastCode(PHONE),
        purpose: `p${i}`,
      });
    }
    // Act
    const erased = await app.call('DELETE', '/v1/users/big-user-0001');
    // Assess
    expect(erased.status).toBe(204);
    expect((await scanTable(app)).filter((i) => JSON.stringify(i).includes('big-user-0001'))).toEqual([]);
  }, 30_000);
});

describe('Use case: support unlock', () => {
  it('unlocks at once and records the unlock as an event', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    await lockWith(app, 'u');
    const challengeId = await sendChallenge(app, 'u').catch(() => undefined);
    // Act
    const unlocked = await app.call('DELETE', '/v1/users/u/lockout', { context: { ip: '10.0.0.1' } });
    const sent = await sendChallenge(app, 'u');
    const verified = await app.call('POST', '/v1/users/u/verify', { code: app.lastCode(PHONE) });
    const events = (await app.call('GET', '/v1/users/u/events')).body.events as Array<
      Record<string, unknown>
    >;
    // Assess
    expect(challengeId).toBeUndefined();
    expect(unlocked.status).toBe(204);
    expect(sent).toBeDefined();
    expect(verified.status).toBe(200);
    expect(events).toContainEqual(expect.objectContaining({ type: 'unlocked', context: { ip: '10.0.0.1' } }));
  });
});

describe('Rule: factors', () => {
  it('turns two-step off when the last active factor is removed, pending ones aside', async () => {
    // Prepare
    const app = await testApp();
    const added = await app.call('POST', '/v1/users/u/factors', { type: 'totp' });
    const totpId = (added.body.factor as { factorId: string }).factorId;
    const code = await generate({
      secret: added.body.secret as string,
      epoch: Math.floor(app.clock.now() / 1000),
    });
    await app.call('POST', `/v1/users/u/factors/${totpId}/activate`, { code });
    await app.call('POST', '/v1/users/u/factors', { type: 'sms', destination: PHONE });
    const before = await app.call('GET', '/v1/users/u/factors');
    // Act
    const removed = await app.call('DELETE', `/v1/users/u/factors/${totpId}`);
    const after = await app.call('GET', '/v1/users/u/factors');
    // Assess
    expect(before.body.twoStepEnabled).toBe(true);
    expect(removed.status).toBe(204);
    expect(after.body).toMatchObject({
      twoStepEnabled: false,
      factors: [{ type: 'sms', status: 'pending' }],
    });
  });

  it('counts authenticator apps, active or pending, toward ONETIME_MAX_FACTORS', async () => {
    // Prepare
    const app = await testApp({ policy: { maxFactors: 3 } });
    await activeSmsFactor(app, 'u', PHONE);
    const first = await app.call('POST', '/v1/users/u/factors', { type: 'totp' });
    const second = await app.call('POST', '/v1/users/u/factors', { type: 'totp' });
    // Act
    const thirdTotp = await app.call('POST', '/v1/users/u/factors', { type: 'totp' });
    const email = await app.call('POST', '/v1/users/u/factors', { type: 'email', destination: EMAIL });
    await app.call('DELETE', `/v1/users/u/factors/${(first.body.factor as { factorId: string }).factorId}`);
    const afterRemoval = await app.call('POST', '/v1/users/u/factors', { type: 'totp' });
    // Assess
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(thirdTotp).toMatchObject({ status: 409, body: { code: 'factor_limit_reached' } });
    expect(email).toMatchObject({ status: 409, body: { code: 'factor_limit_reached' } });
    expect(afterRemoval.status).toBe(201);
  });

  it('never creates more than ONETIME_MAX_FACTORS authenticators under concurrency', async () => {
    // Prepare
    const app = await testApp({ policy: { maxFactors: 3 } });
    // Act
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => app.call('POST', '/v1/users/race-factors/factors', { type: 'totp' })),
    );
    const listed = await app.call('GET', '/v1/users/race-factors/factors');
    // Assess
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status !== 201).map((a) => a.body.code)).toEqual(
      Array.from({ length: 7 }, () => 'factor_limit_reached'),
    );
    expect(listed.body.factors).toHaveLength(3);
  });
});
