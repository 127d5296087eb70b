/**
 * Abuse limits on SMS and voice (docs/api.md, "Abuse defences"), tried as a pumping
 * attacker would, against DynamoDB Local: fresh user ids to numbers of one prefix,
 * 50 sends to one prefix at once, one end-user IP, the service's spend breaker. A
 * refused send sends nothing and keeps nothing, and the user's live code stays live.
 */
jest.setTimeout(30_000);

import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { activeSmsFactor, rawClient, scanTable, testApp, type TestApp } from './harness';

const number = (i: number) => `+1415555${String(100 + i).padStart(4, '0')}`;

function smsTo(app: TestApp, prefix = '+1415555'): number {
  return app.outbox.list({}).filter((m) => m.channel === 'sms' && m.to.startsWith(prefix)).length;
}

describe('Rule: SMS and voice to one number prefix are capped per hour', () => {
  it('refuses the send past the cap with scope prefix, sends nothing and keeps nothing', async () => {
    // Prepare
    const app = await testApp({ policy: { maxSendsPerPrefixPerHour: 3 } });
    for (let i = 0; i < 3; i++) {
      const ok = await app.call('POST', `/v1/users/pump-${i}/factors`, {
        type: 'sms',
        destination: number(i),
      });
      expect(ok.status).toBe(201);
    }
    // Act
    const refused = await app.call('POST', '/v1/users/pump-3/factors', {
      type: 'sms',
      destination: number(3),
    });
    const email = await app.call('POST', '/v1/users/pump-3/factors', {
      type: 'email',
      destination: 'pump3@example.com',
    });
    // Assess
    expect(refused).toMatchObject({ status: 429, body: { code: 'send_limit_exceeded', scope: 'prefix' } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(app.outbox.list({ to: number(3) })).toHaveLength(0);
    expect(email.status).toBe(201);
    const factors = await app.call('GET', '/v1/users/pump-3/factors');
    expect((factors.body.factors as Array<{ type: string }>).map((f) => f.type)).toEqual(['email']);
    const events = (await app.call('GET', '/v1/users/pump-3/events')).body.events as Array<{
      type: string;
      reason?: string;
    }>;
    expect(events).toContainEqual(expect.objectContaining({ type: 'send_blocked', reason: 'prefix' }));
    expect(events.filter((e) => e.type === 'challenge_sent')).toHaveLength(1);
  });

  it('lets exactly the cap through when 50 sends to one prefix arrive at once', async () => {
    // Prepare
    const app = await testApp();
    // Act
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        app.call('POST', `/v1/users/burst-${i}/factors`, { type: 'sms', destination: number(i) }),
      ),
    );
    // Assess
    const cap = app.policy.maxSendsPerPrefixPerHour;
    expect(answers.filter((a) => a.status === 201)).toHaveLength(cap);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(50 - cap);
    for (const r of refused) expect(r.body.scope).toBe('prefix');
    expect(smsTo(app)).toBe(cap);
    // The refused sends took their counts back: the prefix counter holds exactly the sends made.
    const items = await scanTable(app);
    const prefixCounter = items.find((i) => String(i.pk).startsWith('ABUSE#prefix#'));
    expect(prefixCounter?.n).toBe(cap);
    // Nothing was kept of the refused enrolments.
    const factorItems = items.filter((i) => String(i.sk).startsWith('FACTOR#'));
    expect(factorItems).toHaveLength(cap);
  }, 30_000);

  it('keeps the user’s live code when a resend is refused, whether it repeats the code or makes a new one', async () => {
    for (const reuseMinRemainingSeconds of [120, 600]) {
      // Prepare
      const app = await testApp({ policy: { maxSendsPerPrefixPerHour: 3, reuseMinRemainingSeconds } });
      await activeSmsFactor(app, 'owner', number(0));
      app.clock.advance(61);
      await app.call('POST', '/v1/users/owner/challenges', {});
      const code = app.lastCode(number(0));
      await app.call('POST', '/v1/users/other/factors', { type: 'sms', destination: number(1) });
      app.clock.advance(61);
      // Act
      const resend = await app.call('POST', '/v1/users/owner/challenges', {});
      const verified = await app.call('POST', '/v1/users/owner/verify', { code });
      // Assess
      expect(resend).toMatchObject({ status: 429, body: { scope: 'prefix' } });
      expect(verified.status).toBe(200);
    }
  }, 20_000);
});

describe('Rule: one end-user IP, and the whole service, are capped per hour', () => {
  it('refuses the third send from one IP with scope ip, and lets another IP through', async () => {
    // Prepare
    const app = await testApp({ policy: { maxSendsPerIpPerHour: 2 } });
    const send = (i: number, ip: string) =>
      app.call('POST', `/v1/users/ip-${i}/factors`, {
        type: 'sms',
        destination: number(i),
        context: { ip },
      });
    // Act
    const first = await send(1, '198.51.100.7');
    const second = await send(2, '198.51.100.7');
    const third = await send(3, '198.51.100.7');
    const elsewhere = await send(4, '203.0.113.9');
    // Assess
    expect([first.status, second.status, elsewhere.status]).toEqual([201, 201, 201]);
    expect(third).toMatchObject({ status: 429, body: { scope: 'ip' } });
    // The IP is counted under a keyed hash, never in clear (only the owner's events carry the context).
    const counters = (await scanTable(app)).filter((i) => String(i.pk).startsWith('ABUSE#'));
    expect(JSON.stringify(counters)).not.toContain('198.51.100.7');
    // Nothing was kept of the refused user but the record of the refusal.
    const kept = (await scanTable(app)).filter((i) => JSON.stringify(i).includes('ip-3'));
    expect(kept.map((i) => i.type)).toEqual(['send_blocked']);
  });

  it('stops every SMS past the service’s hourly breaker, and never email', async () => {
    // Prepare
    const app = await testApp({ policy: { maxSmsPerHour: 8 } });
    // Act
    const answers = [];
    for (let i = 0; i < 24; i++) {
      answers.push(
        await app.call('POST', `/v1/users/svc-${i}/factors`, {
          type: 'sms',
          destination: number(i),
        }),
      );
    }
    const email = await app.call('POST', '/v1/users/svc-mail/factors', {
      type: 'email',
      destination: 'a@example.com',
    });
    // Assess
    expect(answers.filter((a) => a.status === 201).length).toBeLessThanOrEqual(8);
    expect(answers.filter((a) => a.status === 429).every((a) => a.body.scope === 'service')).toBe(true);
    expect(answers.some((a) => a.status === 429)).toBe(true);
    expect(email.status).toBe(201);
    const client = rawClient();
    const counters = await client.send(
      new QueryCommand({
        TableName: app.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'ABUSE#service#sms#0' } },
      }),
    );
    client.destroy();
    for (const item of counters.Items ?? []) expect(Number(item.n?.N)).toBeLessThanOrEqual(1);
  });

  it('answers a malformed context.ip with 400 and sends nothing', async () => {
    // Prepare
    const app = await testApp();
    // Act
    const answer = await app.call('POST', '/v1/users/bad-ip/factors', {
      type: 'sms',
      destination: number(5),
      context: { ip: 'not an ip' },
    });
    // Assess
    expect(answer).toMatchObject({ status: 400, body: { code: 'invalid_request' } });
    expect(app.outbox.list({})).toHaveLength(0);
  });
});

describe('Rule: delivery codes count on the abuse limits like any SMS or voice', () => {
  it('refuses a delivery past the prefix cap with 429 scope prefix, creates and sends nothing, and counts its resends', async () => {
    // Prepare
    const app = await testApp({ policy: { maxSendsPerPrefixPerHour: 3, resendCooldownSeconds: 0 } });
    const now = app.clock.now();
    const create = (i: number) =>
      app.call('POST', '/v1/deliveries', {
        deliveryId: `parcel-${i}`,
        userId: `shopper-${i}`,
        windowStart: new Date(now).toISOString(),
        windowEnd: new Date(now + 4 * 3_600_000).toISOString(),
        channel: 'sms',
        destination: number(i),
      });
    expect((await create(0)).status).toBe(201);
    expect((await create(1)).status).toBe(201);
    // Act
    const resend = await app.call('POST', '/v1/deliveries/parcel-0/resend', {});
    const refused = await create(2);
    const email = await app.call('POST', '/v1/deliveries', {
      deliveryId: 'parcel-mail',
      userId: 'shopper-2',
      windowStart: new Date(now).toISOString(),
      windowEnd: new Date(now + 4 * 3_600_000).toISOString(),
      channel: 'email',
      destination: 'shopper@example.com',
    });
    // Assess
    expect(resend.status).toBe(202);
    expect(refused).toMatchObject({ status: 429, body: { code: 'send_limit_exceeded', scope: 'prefix' } });
    expect(app.outbox.list({ to: number(2) })).toHaveLength(0);
    expect((await app.call('GET', '/v1/deliveries/parcel-2')).status).toBe(404);
    expect(email.status).toBe(201);
    const events = (await app.call('GET', '/v1/users/shopper-2/events')).body.events as Array<{
      type: string;
      reason?: string;
    }>;
    expect(events).toContainEqual(expect.objectContaining({ type: 'send_blocked', reason: 'prefix' }));
    const items = await scanTable(app);
    expect(items.find((i) => String(i.pk).startsWith('ABUSE#prefix#'))?.n).toBe(3);
  });

  it('takes a delivery’s counts back when the delivery itself is refused (an existing id)', async () => {
    // Prepare
    const app = await testApp({ policy: { maxSendsPerPrefixPerHour: 2 } });
    const now = app.clock.now();
    const body = {
      deliveryId: 'same',
      userId: 'shopper',
      windowStart: new Date(now).toISOString(),
      windowEnd: new Date(now + 4 * 3_600_000).toISOString(),
      channel: 'sms',
      destination: number(0),
    };
    expect((await app.call('POST', '/v1/deliveries', body)).status).toBe(201);
    // Act
    const twin = await app.call('POST', '/v1/deliveries', body);
    const other = await app.call('POST', '/v1/deliveries', {
      ...body,
      deliveryId: 'other',
      destination: number(1),
    });
    // Assess
    expect(twin.status).toBe(409);
    expect(other.status).toBe(201);
  });
});
