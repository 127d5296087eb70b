/**
 * Account activity: every event type docs/api.md lists is recorded with its time,
 * channel, factor and the request's context; the listing pages newest first with
 * an opaque cursor; events expire after the retention; and no event or answer
 * ever shows a whole phone number or email address.
 */
jest.setTimeout(30_000);

import { documentClient } from '../../lambdas/adapters/dynamodb/client';
import { DynamoDbActivityStore } from '../../lambdas/adapters/dynamodb/activity-store';
import { EVENT_TYPES } from '../../lambdas/domain/events';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/dynamodb-local';
import { endpoint, scanTable, testApp, type TestApp, type TestResponse } from './harness';

const PHONE = '+14155550100';
const EMAIL = 'jane@example.com';
const CONTEXT = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (activity test)' };

interface Event {
  readonly eventId: string;
  readonly type: string;
  readonly at: string;
  readonly channel?: string;
  readonly factorId?: string;
  readonly purpose?: string;
  readonly context?: { ip?: string; userAgent?: string };
}

/** Every answer the flow received, to check none shows a whole destination. */
type Recorder = TestResponse[];

function recording(app: TestApp, seen: Recorder): TestApp['call'] {
  return async (method, path, body, headers) => {
    const answer = await app.call(method, path, body, headers);
    seen.push(answer);
    return answer;
  };
}

async function allEvents(app: TestApp, userId: string): Promise<Event[]> {
  const listed = await app.call('GET', `/v1/users/${userId}/events?limit=100`);
  expect(listed.status).toBe(200);
  expect(listed.body.nextCursor).toBeUndefined();
  return listed.body.events as Event[];
}

interface History {
  readonly smsId: string;
  readonly emailId: string;
  /** Clock time (ISO) of a few steps, to check `at`. */
  readonly times: Record<string, string>;
}

/**
 * Runs every flow that records an event, each with the same `context`: enrolment and
 * activation of two factors, a challenge, a wrong and a right code (remembering the
 * device), a recovery code, regeneration, a refused delivery, a report, a lock, the
 * support unlock and a factor removal.
 */
async function fullHistory(app: TestApp, refused: Set<string>, seen: Recorder): Promise<History> {
  const call = recording(app, seen);
  const context = CONTEXT;
  const times: Record<string, string> = {};
  const now = () => new Date(app.clock.now()).toISOString();

  const sms = await call('POST', '/v1/users/u/factors', { type: 'sms', destination: PHONE, context });
  const smsId = (sms.body.factor as { factorId: string }).factorId;
  const smsActivated = await call('POST', `/v1/users/u/factors/${smsId}/activate`, {
    code: app.lastCode(PHONE),
    context,
  });
  const recoveryCodes = smsActivated.body.recoveryCodes as string[];
  app.clock.advance(5);
  const email = await call('POST', '/v1/users/u/factors', { type: 'email', destination: EMAIL, context });
  const emailId = (email.body.factor as { factorId: string }).factorId;
  await call('POST', `/v1/users/u/factors/${emailId}/activate`, { code: app.lastCode(EMAIL), context });

  app.clock.advance(61);
  times.challenge = now();
  const sent = await call('POST', '/v1/users/u/challenges', { channel: 'sms', context });
  expect(sent.status).toBe(202);
  const code = app.lastCode(PHONE);
  app.clock.advance(3);
  times.wrong = now();
  const wrong = await call('POST', '/v1/users/u/verify', {
    code: code === '000000' ? '111111' : '000000',
    context,
  });
  expect(wrong.status).toBe(422);
  app.clock.advance(3);
  times.right = now();
  const right = await call('POST', '/v1/users/u/verify', { code, rememberDevice: true, context });
  expect(right.body.deviceToken).toBeDefined();

  app.clock.advance(3);
  const recovered = await call('POST', '/v1/users/u/verify', { code: recoveryCodes[0], context });
  expect(recovered.status).toBe(200);
  const regenerated = await call('POST', '/v1/users/u/recovery-codes', { context });
  expect(regenerated.status).toBe(201);

  refused.add(PHONE);
  app.clock.advance(61);
  const failed = await call('POST', '/v1/users/u/challenges', { channel: 'sms', context });
  expect(failed.status).toBe(502);
  refused.delete(PHONE);

  const byEmail = await call('POST', '/v1/users/u/challenges', { channel: 'email', context });
  await call('POST', '/v1/users/u/verify', { code: app.lastCode(EMAIL), rememberDevice: true, context });
  app.clock.advance(61);
  const unrequested = await call('POST', '/v1/users/u/challenges', { channel: 'email', context });
  const reported = await call(
    'POST',
    `/v1/users/u/challenges/${unrequested.body.challengeId as string}/report`,
    { context },
  );
  expect(reported.status).toBe(202);
  void byEmail;

  for (let i = 0; i < 5; i++) await call('POST', '/v1/users/u/verify', { code: 'aaaa-bbbb-cccc', context });
  times.unlock = now();
  expect((await call('DELETE', '/v1/users/u/lockout', { context })).status).toBe(204);
  const removed = await call('DELETE', `/v1/users/u/factors/${emailId}`, { context });
  expect(removed.status).toBe(204);
  return { smsId, emailId, times };
}

/** Other accounts fill the phone's daily cap; the owner's next notice to it is recorded as not sent. */
async function capThenNotify(app: TestApp): Promise<void> {
  app.clock.advance(11 * 60);
  for (let i = 0; i < app.policy.maxSendsPerDay; i++) {
    await app.call('POST', `/v1/users/filler-${i}/factors`, { type: 'sms', destination: PHONE });
  }
  expect((await app.call('POST', '/v1/users/u/recovery-codes')).status).toBe(201);
  // Others fill the phone's number prefix; the owner's next SMS there is blocked (send_blocked).
  for (let i = 0; i < app.policy.maxSendsPerPrefixPerHour; i++) {
    const filler = `+1415555${String(2000 + i).padStart(4, '0')}`;
    await app.call('POST', `/v1/users/prefix-filler-${i}/factors`, { type: 'sms', destination: filler });
  }
  const blocked = await app.call('POST', '/v1/users/u/factors', { type: 'sms', destination: '+14155559999' });
  expect(blocked).toMatchObject({ status: 429, body: { scope: 'prefix' } });
}

/** An app whose provider refuses the destinations in `refused`, with room for the history's sends. */
async function historyApp(): Promise<{ app: TestApp; refused: Set<string> }> {
  const refused = new Set<string>();
  const app = await testApp({
    policy: { maxSendsPerHour: 20 },
    refuse: (to) => (refused.has(to) ? 'opted_out' : undefined),
  });
  return { app, refused };
}

describe('Use case: account activity', () => {
  it('records every event type docs/api.md lists, and the support unlock', async () => {
    // Prepare
    const { app, refused } = await historyApp();
    await fullHistory(app, refused, []);
    await capThenNotify(app);
    // Act
    const events = await allEvents(app, 'u');
    // Assess
    const types = new Set(events.map((e) => e.type));
    expect([...types].sort()).toEqual([...EVENT_TYPES].sort());
    for (const type of [
      'challenge_sent',
      'challenge_delivery_failed',
      'verification_succeeded',
      'verification_failed',
      'locked',
      'factor_added',
      'factor_activated',
      'factor_removed',
      'recovery_code_used',
      'recovery_codes_regenerated',
      'device_remembered',
      'device_revoked',
      'unrequested_code_reported',
      'unlocked',
    ]) {
      expect(types).toContain(type);
    }
  });

  it('gives every event its time, the request context, and its channel and factor where one applies', async () => {
    // Prepare
    const { app, refused } = await historyApp();
    const { smsId, emailId, times } = await fullHistory(app, refused, []);
    // Act
    const events = await allEvents(app, 'u');
    // Assess
    for (const e of events) {
      expect(e.eventId).toMatch(/^[0-9A-Z]{26}$/);
      expect(new Date(e.at).toISOString()).toBe(e.at);
      expect(e.context).toEqual(CONTEXT);
    }
    const of = (type: string) => events.filter((e) => e.type === type);
    const withFactor = (type: string, channel: string, factorId: string) =>
      expect(of(type)).toContainEqual(expect.objectContaining({ channel, factorId }));
    withFactor('factor_added', 'sms', smsId);
    withFactor('factor_added', 'email', emailId);
    withFactor('factor_activated', 'sms', smsId);
    withFactor('factor_activated', 'email', emailId);
    withFactor('factor_removed', 'email', emailId);
    withFactor('challenge_sent', 'sms', smsId);
    withFactor('challenge_sent', 'email', emailId);
    withFactor('challenge_delivery_failed', 'sms', smsId);
    withFactor('verification_succeeded', 'sms', smsId);
    withFactor('verification_failed', 'sms', smsId);
    expect(of('verification_failed')).toContainEqual(expect.objectContaining({ channel: 'recovery_code' }));
    expect(of('recovery_code_used')).toEqual([expect.objectContaining({ channel: 'recovery_code' })]);
    expect(of('challenge_sent')).toContainEqual(
      expect.objectContaining({ purpose: 'sign_in', at: times.challenge, factorId: smsId }),
    );
    expect(of('verification_failed')[of('verification_failed').length - 1]).toMatchObject({
      at: times.wrong,
      purpose: 'sign_in',
    });
    expect(of('verification_succeeded')).toContainEqual(
      expect.objectContaining({ at: times.right, factorId: smsId }),
    );
    expect(of('locked')).toHaveLength(1);
    expect(of('unlocked')).toEqual([expect.objectContaining({ at: times.unlock })]);
  });

  it('lists events newest first', async () => {
    // Prepare
    const { app, refused } = await historyApp();
    await fullHistory(app, refused, []);
    // Act
    const events = await allEvents(app, 'u');
    // Assess
    const ids = events.map((e) => e.eventId);
    expect(ids).toEqual([...ids].sort().reverse());
    const ats = events.map((e) => Date.parse(e.at));
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    expect(events[0]?.type).toBe('factor_removed');
    expect(events[events.length - 1]?.type).toBe('factor_added');
  });

  it("shows only the user's own events", async () => {
    // Prepare
    const { app, refused } = await historyApp();
    await fullHistory(app, refused, []);
    // Act
    const other = await app.call('GET', '/v1/users/v/events');
    // Assess
    expect(other).toMatchObject({ status: 200, body: { events: [] } });
    expect(other.body.nextCursor).toBeUndefined();
  });

  it('walks every event exactly once with limit and the opaque cursor', async () => {
    // Prepare
    const { app, refused } = await historyApp();
    await fullHistory(app, refused, []);
    const all = await allEvents(app, 'u');
    const total = all.length;
    expect(total).toBeGreaterThan(25);
    // Act
    const walks: Record<number, { ids: string[]; pages: number; cursors: string[] }> = {};
    for (const limit of [1, 2, 3, 7, 25, total - 1, total, total + 1]) {
      const ids: string[] = [];
      const cursors: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const query = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = await app.call('GET', `/v1/users/u/events?${query}`);
        expect(page.status).toBe(200);
        const events = page.body.events as Event[];
        expect(events.length).toBeLessThanOrEqual(limit);
        ids.push(...events.map((e) => e.eventId));
        cursor = page.body.nextCursor as string | undefined;
        if (cursor) {
          cursors.push(cursor);
          expect(events).toHaveLength(limit);
        }
        pages++;
      } while (cursor && pages < 1000);
      walks[limit] = { ids, pages, cursors };
    }
    const first = await app.call('GET', '/v1/users/u/events');
    // Assess
    for (const [limit, walk] of Object.entries(walks)) {
      expect(walk.ids).toEqual(all.map((e) => e.eventId));
      expect(new Set(walk.ids).size).toBe(total);
      expect(walk.pages).toBe(Math.max(1, Math.ceil(total / Number(limit))));
      for (const cursor of walk.cursors) {
        expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(cursor).not.toMatch(/^[0-9A-Z]{26}$/);
      }
    }
    // Without limit: a page of 25.
    expect(first.body.events).toHaveLength(25);
    expect(typeof first.body.nextCursor).toBe('string');
  });

  it('refuses a bad limit or cursor with 400 invalid_request', async () => {
    // Prepare
    const app = await testApp();
    const bad = [
      'limit=0',
      'limit=101',
      'limit=-1',
      'limit=1.5',
      'limit=abc',
      'limit=',
      'limit=1e2',
      'limit=0x10',
      'limit=%20%205',
      'limit=99999999999999999999',
      'cursor=',
      'cursor=garbage',
      'cursor=%25%25%25',
      `cursor=${Buffer.from('not-a-ulid-at-all', 'utf8').toString('base64url')}`,
      `cursor=${Buffer.from('EVENT#01ARZ3NDEKTSV4RRFFQ69G5FAV', 'utf8').toString('base64url')}`,
      'cursor=' + 'A'.repeat(2000),
    ];
    // Act
    const answers = await Promise.all(bad.map((q) => app.call('GET', `/v1/users/u/events?${q}`)));
    // Assess
    answers.forEach((answer, i) => {
      expect([bad[i], answer.status]).toEqual([bad[i], 400]);
      expect(answer.body).toMatchObject({ code: 'invalid_request' });
      expect(answer.headers['content-type']).toContain('application/problem+json');
    });
  });

  it('forgets events after the retention', async () => {
    // Prepare
    const app = await testApp({ policy: { eventRetentionDays: 2 } });
    const old = await app.call('POST', '/v1/users/u/factors', { type: 'sms', destination: PHONE });
    const factorId = (old.body.factor as { factorId: string }).factorId;
    await app.call('POST', `/v1/users/u/factors/${factorId}/activate`, { code: app.lastCode(PHONE) });
    app.clock.advance(86_400);
    await app.call('POST', '/v1/users/u/challenges', {});
    await app.call('POST', '/v1/users/u/verify', { code: app.lastCode(PHONE) });
    // Act
    const before = await allEvents(app, 'u');
    app.clock.advance(86_400);
    const afterOld = await allEvents(app, 'u');
    const paged = await app.call('GET', `/v1/users/u/events?limit=${afterOld.length}`);
    app.clock.advance(86_400);
    const afterAll = await allEvents(app, 'u');
    // Assess
    expect(before.map((e) => e.type)).toEqual([
      'verification_succeeded',
      'challenge_sent',
      'factor_activated',
      'challenge_sent',
      'factor_added',
    ]);
    expect(afterOld.map((e) => e.type)).toEqual(['verification_succeeded', 'challenge_sent']);
    // The expired events beyond the last live one do not make another page.
    expect(paged.body.events).toHaveLength(2);
    expect(paged.body.nextCursor).toBeUndefined();
    expect(afterAll).toEqual([]);
  });

  it('skips expired events wherever they sit, as after the retention was shortened', async () => {
    // Prepare: older events kept 400 days, then newer ones written under a 1-day retention.
    const app = await testApp();
    const old = await app.call('POST', '/v1/users/u/factors', { type: 'sms', destination: PHONE });
    const factorId = (old.body.factor as { factorId: string }).factorId;
    await app.call('POST', `/v1/users/u/factors/${factorId}/activate`, { code: app.lastCode(PHONE) });
    const client = documentClient({
      endpoint: endpoint(),
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    const shortLived = new DynamoDbActivityStore(client, { tableName: app.tableName, eventRetentionDays: 1 });
    await shortLived.recordEvents(
      Array.from({ length: 30 }, () => ({
        eventId: app.deps.newId(),
        userId: 'u',
        type: 'verification_failed' as const,
        at: app.clock.now(),
      })),
    );
    app.clock.advance(2 * 86_400);
    // Act
    const first = await app.call('GET', '/v1/users/u/events?limit=2');
    const second = await app.call(
      'GET',
      `/v1/users/u/events?limit=2&cursor=${encodeURIComponent(first.body.nextCursor as string)}`,
    );
    // Assess
    expect((first.body.events as Event[]).map((e) => e.type)).toEqual(['factor_activated', 'challenge_sent']);
    expect(typeof first.body.nextCursor).toBe('string');
    expect((second.body.events as Event[]).map((e) => e.type)).toEqual(['factor_added']);
    expect(second.body.nextCursor).toBeUndefined();
    client.destroy();
  });

  it('never shows a whole phone number or email address, in events or in any answer', async () => {
    // Prepare
    const { app, refused } = await historyApp();
    const seen: Recorder = [];
    await fullHistory(app, refused, seen);
    // Act
    const listed = await recording(app, seen)('GET', '/v1/users/u/events?limit=100');
    await recording(app, seen)('GET', '/v1/users/u/factors');
    await recording(app, seen)('GET', '/v1/users/u/devices');
    const stored = (await scanTable(app)).filter((i) => String(i.pk).startsWith('EVENTS#'));
    // Assess
    expect(listed.status).toBe(200);
    expect(seen.length).toBeGreaterThan(20);
    for (const text of [...seen.map((a) => JSON.stringify(a)), JSON.stringify(stored)]) {
      expect(text).not.toContain('4155550100');
      expect(text).not.toContain('555-0100');
      expect(text.toLowerCase()).not.toContain(EMAIL);
      expect(text.toLowerCase()).not.toContain('jane@');
    }
  });
});
