/**
 * Scoped API keys (docs/api.md, "API keys"), tried as a holder of a limited key
 * would: a courier app's key confirms and reads deliveries and nothing else; a key
 * used outside its scopes answers 403 and changes nothing; each key's sends count
 * toward its own hourly limit.
 */
import { testApp, type TestApp } from './harness';

const COURIER_KEY = 'courier-key-0123456789';
const SHOP_KEY = 'shop-key-0123456789abc';
const DESK_KEY = 'desk-key-0123456789abc';
const KEYS = `courier:${COURIER_KEY}:courier,shop:${SHOP_KEY}:deliveries,desk:${DESK_KEY}:support`;
const PHONE = '+14155550177';
const iso = (ms: number) => new Date(ms).toISOString();

const as = (key: string) => ({ 'x-api-key': key });

async function shopDelivery(app: TestApp, deliveryId: string) {
  return app.call(
    'POST',
    '/v1/deliveries',
    {
      deliveryId,
      userId: 'customer',
      windowStart: iso(app.clock.now()),
      windowEnd: iso(app.clock.now() + 3_600_000),
      channel: 'sms',
      destination: PHONE,
    },
    as(SHOP_KEY),
  );
}

describe('Rule: a key may call only the routes of its scopes', () => {
  it('lets a courier key confirm and read a delivery, and refuses it everything else with 403', async () => {
    // Prepare
    const app = await testApp({ env: { ONETIME_API_KEYS: KEYS } });
    expect((await shopDelivery(app, 'parcel-1')).status).toBe(201);
    const code = app.lastCode(PHONE);
    const sent = app.outbox.list({}).length;
    // Act
    const refused = await Promise.all([
      app.call('POST', '/v1/deliveries/parcel-1/resend', undefined, as(COURIER_KEY)),
      app.call('POST', '/v1/users/customer/factors', { type: 'sms', destination: PHONE }, as(COURIER_KEY)),
      app.call('POST', '/v1/users/customer/challenges', {}, as(COURIER_KEY)),
      app.call('GET', '/v1/users/customer/events', undefined, as(COURIER_KEY)),
      app.call('DELETE', '/v1/users/customer', undefined, as(COURIER_KEY)),
    ]);
    const read = await app.call('GET', '/v1/deliveries/parcel-1', undefined, as(COURIER_KEY));
    const confirmed = await app.call('POST', '/v1/deliveries/parcel-1/confirm', { code }, as(COURIER_KEY));
    // Assess
    for (const r of refused) expect(r).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect(app.outbox.list({})).toHaveLength(sent);
    expect(read.status).toBe(200);
    expect(confirmed).toMatchObject({ status: 200, body: { status: 'delivered' } });
  });

  it('keeps a shop key from confirming, and a help-desk key from sending codes', async () => {
    // Prepare
    const app = await testApp({ env: { ONETIME_API_KEYS: KEYS } });
    await shopDelivery(app, 'parcel-2');
    const code = app.lastCode(PHONE);
    // Act
    const shopConfirms = await app.call('POST', '/v1/deliveries/parcel-2/confirm', { code }, as(SHOP_KEY));
    const deskSends = await app.call(
      'POST',
      '/v1/users/customer/factors',
      { type: 'email', destination: 'c@example.com' },
      as(DESK_KEY),
    );
    const deskReads = await app.call('GET', '/v1/users/customer/events', undefined, as(DESK_KEY));
    const mainKey = await app.call('GET', '/v1/deliveries/parcel-2');
    // Assess
    expect(shopConfirms.status).toBe(403);
    expect(deskSends.status).toBe(403);
    expect(app.outbox.list({ to: 'c@example.com' })).toHaveLength(0);
    expect(deskReads.status).toBe(200);
    expect(mainKey.body.status).toBe('pending');
    const unknown = await app.call('GET', '/v1/deliveries/parcel-2', undefined, as('no-such-key-0123456789'));
    expect(unknown.status).toBe(403);
  });
});

describe('Rule: each key has its own hourly limit on SMS and voice', () => {
  it('refuses a key past its limit with scope key, while the main key still sends', async () => {
    // Prepare: the key limit is split over the service's shards, so one shard holds 1 send.
    const app = await testApp({
      env: { ONETIME_API_KEYS: `app:${SHOP_KEY}:verify` },
      policy: { maxSendsPerKeyPerHour: 8 },
    });
    // Act
    const answers = [];
    for (let i = 0; i < 30; i++) {
      answers.push(
        await app.call(
          'POST',
          `/v1/users/k-${i}/factors`,
          { type: 'sms', destination: `+1415555${String(3000 + i)}` },
          as(SHOP_KEY),
        ),
      );
    }
    const main = await app.call('POST', '/v1/users/k-main/factors', {
      type: 'sms',
      destination: '+14155554000',
    });
    // Assess
    expect(answers.filter((a) => a.status === 201).length).toBeLessThanOrEqual(8);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.body.scope).toBe('key');
    expect(main.status).toBe(201);
  });
});
