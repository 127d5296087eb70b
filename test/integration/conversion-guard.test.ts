/**
 * The conversion guard (docs/api.md, "Abuse defences"; decisions 41-44), tried as a
 * pumping attacker would against DynamoDB Local: fresh user ids to numbers of one
 * prefix that never enter their codes, 50 of them at once, a whole country spread
 * over prefixes too many to judge one by one, and a slow attack that waits out the
 * block. Genuine users who enter their codes, and owners of verified numbers, keep
 * getting codes; email is never blocked; monitor mode sends but records; off does nothing.
 */
jest.setTimeout(30_000);

import type { Policy } from '../../lambdas/domain/policy';
import { activeSmsFactor, scanTable, testApp, type TestApp } from './harness';

/** A GB mobile number: prefix `p` (its own number prefix), line `i`. */
const gb = (p: number, i: number) => `+4474${String(p).padStart(4, '0')}${String(i).padStart(4, '0')}`;
const fr = (p: number, i: number) => `+336${String(p).padStart(4, '0')}${String(i).padStart(4, '0')}`;

const ENFORCE: Partial<Policy> = { conversionGuard: 'enforce' };

async function enrol(app: TestApp, userId: string, destination: string) {
  return app.call('POST', `/v1/users/${userId}/factors`, { type: 'sms', destination });
}

/** A genuine sign-up: enrols and enters the code at once. */
async function genuine(app: TestApp, userId: string, destination: string): Promise<number> {
  const added = await enrol(app, userId, destination);
  if (added.status !== 201) return added.status;
  const factorId = (added.body.factor as { factorId: string }).factorId;
  const activated = await app.call('POST', `/v1/users/${userId}/factors/${factorId}/activate`, {
    code: app.lastCode(destination),
  });
  return activated.status;
}

async function eventsOf(app: TestApp, userId: string) {
  return (await app.call('GET', `/v1/users/${userId}/events`)).body.events as Array<{
    type: string;
    reason?: string;
  }>;
}

const sent = (app: TestApp, prefix: string) =>
  app.outbox.list({}).filter((m) => m.channel === 'sms' && m.to.startsWith(prefix)).length;

describe('Rule: a prefix whose codes are rarely entered is blocked for a while', () => {
  it('blocks the send that completes a sample with no code entered: 403 low_conversion, nothing sent', async () => {
    // Prepare
    const app = await testApp({ policy: ENFORCE });
    const sample = app.policy.conversionPrefixSample;
    for (let i = 0; i < sample - 1; i++) expect((await enrol(app, `pump-${i}`, gb(1, i))).status).toBe(201);
    // Act
    const email = await app.call('POST', '/v1/users/pump-x/factors', {
      type: 'email',
      destination: 'x@example.com',
    });
    const refused = await enrol(app, 'pump-x', gb(1, 99));
    // Assess
    expect(email.status).toBe(201);
    expect(refused).toMatchObject({
      status: 403,
      body: { code: 'destination_blocked', reason: 'low_conversion', scope: 'prefix' },
    });
    expect(refused.body.alternatives).toEqual([]);
    expect(Number(refused.headers['retry-after'])).toBe(app.policy.conversionBlockSeconds);
    expect(app.outbox.list({ to: gb(1, 99) })).toHaveLength(0);
    expect(await eventsOf(app, 'pump-x')).toContainEqual(
      expect.objectContaining({ type: 'send_blocked', reason: 'low_conversion' }),
    );
    // The block holds for the next fresh user too, and across the clock hour.
    app.clock.advance(3600);
    expect((await enrol(app, 'pump-y', gb(1, 98))).body).toMatchObject({ reason: 'low_conversion' });
    // Another prefix of the same country is not touched.
    expect((await enrol(app, 'other', gb(2, 1))).status).toBe(201);
    expect(sent(app, gb(1, 0).slice(0, -4))).toBe(sample - 1);
  });

  it('never blocks a prefix whose codes are entered, however many are sent', async () => {
    // Prepare
    const app = await testApp({ policy: ENFORCE });
    // Act: 25 genuine users of one prefix, one in five of them never entering the code.
    const answers: number[] = [];
    for (let i = 0; i < 25; i++) {
      answers.push(
        i % 5 === 4 ? (await enrol(app, `g-${i}`, gb(3, i))).status : await genuine(app, `g-${i}`, gb(3, i)),
      );
    }
    // Assess
    expect(answers.filter((s) => s === 200 || s === 201)).toHaveLength(25);
  });

  it('lets at most a sample less one out when 50 sends to one prefix arrive at once', async () => {
    // Prepare
    const app = await testApp({ policy: ENFORCE });
    // Act
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => enrol(app, `burst-${i}`, gb(4, i))),
    );
    // Assess
    const sample = app.policy.conversionPrefixSample;
    const through = answers.filter((a) => a.status === 201).length;
    expect(through).toBeLessThanOrEqual(sample - 1);
    expect(through).toBeGreaterThanOrEqual(1);
    expect(sent(app, gb(4, 0).slice(0, -4))).toBe(through);
    // Past the sample every send is refused: by the guard, or by the prefix's rate cap when more
    // than its 30 are counted at once before the guard's refusals take theirs back.
    const refused = answers.filter((x) => x.status !== 201);
    for (const a of refused) {
      expect([a.body.code, a.body.scope]).toEqual(
        a.status === 403 ? ['destination_blocked', 'prefix'] : ['send_limit_exceeded', 'prefix'],
      );
    }
    expect(refused.filter((a) => a.body.reason === 'low_conversion').length).toBeGreaterThan(0);
    // The refused sends took their counts back: the hour's item holds exactly the codes sent.
    const items = await scanTable(app);
    const hour = items.find((i) => String(i.pk).startsWith('ABUSE#prefix#') && typeof i.n === 'number');
    expect(hour).toMatchObject({ n: through, s: through });
    expect(typeof hour?.bu).toBe('number');
    expect(items.filter((i) => String(i.sk).startsWith('FACTOR#'))).toHaveLength(through);
  }, 120_000);

  it('unblocks after the block time on probation: one probe goes, and an unentered probe blocks again', async () => {
    // Prepare
    const app = await testApp({ policy: ENFORCE });
    const sample = app.policy.conversionPrefixSample;
    for (let i = 0; i < sample; i++) await enrol(app, `slow-${i}`, gb(5, i));
    expect((await enrol(app, 'slow-b', gb(5, 50))).status).toBe(403);
    // Act
    app.clock.advance(app.policy.conversionBlockSeconds - 60);
    const stillBlocked = await enrol(app, 'slow-c', gb(5, 51));
    app.clock.advance(61);
    const probe = await enrol(app, 'slow-d', gb(5, 52));
    const afterProbe = await enrol(app, 'slow-e', gb(5, 53));
    // Assess
    expect(stillBlocked.status).toBe(403);
    expect(Number(stillBlocked.headers['retry-after'])).toBe(60);
    expect(probe.status).toBe(201);
    expect(afterProbe).toMatchObject({ status: 403, body: { reason: 'low_conversion', scope: 'prefix' } });
  });

  it('lets a prefix back in when its probe after the block is entered', async () => {
    // Prepare
    const app = await testApp({ policy: ENFORCE });
    const sample = app.policy.conversionPrefixSample;
    for (let i = 0; i < sample; i++) await enrol(app, `p-${i}`, gb(6, i));
    app.clock.advance(app.policy.conversionBlockSeconds + 1);
    // Act
    const probe = await genuine(app, 'p-genuine', gb(6, 60));
    const next = await genuine(app, 'p-next', gb(6, 61));
    // Assess
    expect(probe).toBe(200);
    expect(next).toBe(200);
  });
});

describe('Rule: a country whose codes are rarely entered is blocked, sparing verified numbers', () => {
  const COUNTRY: Partial<Policy> = { ...ENFORCE, conversionCountrySample: 10 };

  it('blocks a country spread over prefixes too many to judge one by one', async () => {
    // Prepare
    const app = await testApp({ policy: COUNTRY });
    // A returning user whose number was verified before the attack.
    const { factorId } = await activeSmsFactor(app, 'owner', gb(900, 1));
    // Act: 2 sends to each of many prefixes, never a prefix sample.
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(await enrol(app, `spread-${i}`, gb(100 + (i >> 1), i)));
    const owner = await app.call('POST', '/v1/users/owner/challenges', { purpose: 'login', factorId });
    const elsewhere = await genuine(app, 'fr-user', fr(1, 1));
    // Assess
    const through = answers.filter((a) => a.status === 201).length;
    expect(through).toBeLessThan(10);
    expect(answers[answers.length - 1]).toMatchObject({
      status: 403,
      body: { code: 'destination_blocked', reason: 'low_conversion', scope: 'country' },
    });
    expect(owner.status).toBe(202);
    expect(app.outbox.list({ to: gb(900, 1) })).toHaveLength(2);
    expect(elsewhere).toBe(200);
  });

  it('spares a prefix whose own codes are entered from its country’s block', async () => {
    // Prepare
    const app = await testApp({ policy: COUNTRY });
    expect(await genuine(app, 'first', gb(950, 1))).toBe(200);
    for (let i = 0; i < 20; i++) await enrol(app, `spread-${i}`, gb(200 + (i >> 1), i));
    expect((await enrol(app, 'blocked', gb(300, 1))).body).toMatchObject({ scope: 'country' });
    // Act
    const neighbour = await genuine(app, 'neighbour', gb(950, 2));
    // Assess
    expect(neighbour).toBe(200);
  });
});

describe('Rule: monitor mode judges and records but sends; off does nothing', () => {
  it('monitor: the send goes, the owner’s record says it would have been blocked', async () => {
    // Prepare
    const app = await testApp({ policy: { conversionGuard: 'monitor' } });
    const sample = app.policy.conversionPrefixSample;
    // Act
    const answers = [];
    for (let i = 0; i < sample + 3; i++) answers.push(await enrol(app, `m-${i}`, gb(7, i)));
    // Assess
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(sent(app, gb(7, 0).slice(0, -4))).toBe(sample + 3);
    expect(await eventsOf(app, `m-${sample - 1}`)).toContainEqual(
      expect.objectContaining({ type: 'send_flagged', reason: 'low_conversion' }),
    );
    expect(await eventsOf(app, `m-${sample + 2}`)).toContainEqual(
      expect.objectContaining({ type: 'send_flagged' }),
    );
    expect((await eventsOf(app, 'm-0')).map((e) => e.type)).not.toContain('send_flagged');
    const items = await scanTable(app);
    expect(items.some((i) => String(i.pk).startsWith('ABUSE#prefix#') && typeof i.bu === 'number')).toBe(
      true,
    );
  });

  it('off: sends go, nothing is judged or kept', async () => {
    // Prepare
    const app = await testApp({ policy: { conversionGuard: 'off' } });
    // Act
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await enrol(app, `o-${i}`, gb(8, i)));
    // Assess
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const items = await scanTable(app);
    const prefixItems = items.filter((i) => String(i.pk).startsWith('ABUSE#prefix#'));
    expect(prefixItems.length).toBeGreaterThan(0);
    for (const i of prefixItems) {
      expect(i.s).toBeUndefined();
      expect(i.bu).toBeUndefined();
    }
    expect((await eventsOf(app, 'o-11')).map((e) => e.type)).not.toContain('send_flagged');
  });
});

describe('Rule: email is never blocked by the conversion guard', () => {
  it('sends email codes to a user whose phone’s prefix is blocked, and names email as the alternative', async () => {
    // Prepare
    const app = await testApp({ policy: ENFORCE });
    const added = await app.call('POST', '/v1/users/e/factors', {
      type: 'email',
      destination: 'e@example.com',
    });
    const factorId = (added.body.factor as { factorId: string }).factorId;
    await app.call('POST', `/v1/users/e/factors/${factorId}/activate`, {
      code: app.lastCode('e@example.com'),
    });
    for (let i = 0; i < app.policy.conversionPrefixSample; i++) await enrol(app, `q-${i}`, gb(9, i));
    // Act
    const phone = await enrol(app, 'e', gb(9, 90));
    const mail = await app.call('POST', '/v1/users/e/challenges', { purpose: 'login', channel: 'email' });
    // Assess
    expect(phone).toMatchObject({ status: 403, body: { reason: 'low_conversion' } });
    expect(phone.body.alternatives).toEqual([expect.objectContaining({ factorId, channel: 'email' })]);
    expect(mail.status).toBe(202);
  });
});
