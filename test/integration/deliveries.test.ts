/**
 * Delivery codes: bound to one delivery and its window, the same code on every
 * resend, confirmed once, wrong codes counted per delivery.
 */
import { sendCounters } from '../../lambdas/app/send-caps';
import { activeSmsFactor, scanTable, testApp, type TestApp } from './harness';

const PHONE = '+14155550100';
const COURIER_PHONE = '+14155550177';
const iso = (ms: number) => new Date(ms).toISOString();

async function newDelivery(app: TestApp, body: Record<string, unknown> = {}) {
  const now = app.clock.now();
  return app.call('POST', '/v1/deliveries', {
    deliveryId: 'parcel-1',
    userId: 'u',
    windowStart: iso(now),
    windowEnd: iso(now + 4 * 3_600_000),
    channel: 'sms',
    destination: COURIER_PHONE,
    ...body,
  });
}

describe('Use case: deliveries', () => {
  it('creates a delivery and sends its code at once, to a destination given', async () => {
    // Prepare
    const app = await testApp();
    // Act
    const created = await newDelivery(app);
    // Assess
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      deliveryId: 'parcel-1',
      status: 'pending',
      destinationMasked: '+1*******0177',
      validFrom: iso(app.clock.now()),
      validUntil: iso(app.clock.now() + 4 * 3_600_000),
    });
    const message = app.outbox.list({ to: COURIER_PHONE })[0];
    expect(message?.body).toContain('delivery');
    expect(JSON.stringify(created.body)).not.toContain('5550177');
  });

  it("sends to the user's active factor when no destination is given", async () => {
    // Prepare
    const app = await testApp();
    const { factorId } = await activeSmsFactor(app, 'u', PHONE);
    const before = app.outbox.list({ to: PHONE }).length;
    // Act
    const created = await newDelivery(app, { channel: undefined, destination: undefined, factorId });
    // Assess
    expect(created.status).toBe(201);
    expect(app.outbox.list({ to: PHONE })).toHaveLength(before + 1);
  });

  it('resends the same code after the cooldown, and confirms it exactly once', async () => {
    // Prepare
    const app = await testApp();
    await newDelivery(app);
    const code = app.lastCode(COURIER_PHONE);
    // Act
    const tooSoon = await app.call('POST', '/v1/deliveries/parcel-1/resend');
    app.clock.advance(61);
    const resent = await app.call('POST', '/v1/deliveries/parcel-1/resend');
    const resentCode = app.lastCode(COURIER_PHONE);
    const confirmations = await Promise.all(
      Array.from({ length: 10 }, () => app.call('POST', '/v1/deliveries/parcel-1/confirm', { code })),
    );
    const status = await app.call('GET', '/v1/deliveries/parcel-1');
    // Assess
    expect(tooSoon).toMatchObject({ status: 429, body: { code: 'resend_too_soon' } });
    expect(resent.status).toBe(202);
    expect(resentCode).toBe(code);
    expect(confirmations.filter((c) => c.status === 200)).toHaveLength(1);
    expect(confirmations.filter((c) => c.body.code === 'already_confirmed')).toHaveLength(9);
    expect(status.body).toMatchObject({ status: 'delivered', confirmedAt: iso(app.clock.now()) });
  });

  it('refuses the right code outside the window, without counting it', async () => {
    // Prepare
    const app = await testApp();
    const now = app.clock.now();
    await newDelivery(app, { windowStart: iso(now + 3_600_000), windowEnd: iso(now + 7_200_000) });
    const code = app.lastCode(COURIER_PHONE);
    // Act
    const early = await app.call('POST', '/v1/deliveries/parcel-1/confirm', { code });
    app.clock.advance(7_201);
    const late = await app.call('POST', '/v1/deliveries/parcel-1/confirm', { code });
    const status = await app.call('GET', '/v1/deliveries/parcel-1');
    // Assess
    expect(early).toMatchObject({
      status: 422,
      body: { code: 'outside_window', validFrom: iso(now + 3_600_000), validUntil: iso(now + 7_200_000) },
    });
    expect(late.body.code).toBe('outside_window');
    expect(status.body.attemptsRemaining).toBe(5);
  });

  it('counts wrong codes per delivery: at most 5 of 50 parallel ones, then locked', async () => {
    // Prepare
    const app = await testApp();
    await newDelivery(app);
    const code = app.lastCode(COURIER_PHONE);
    const wrong = code === '000000' ? '111111' : '000000';
    // Act
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => app.call('POST', '/v1/deliveries/parcel-1/confirm', { code: wrong })),
    );
    const right = await app.call('POST', '/v1/deliveries/parcel-1/confirm', { code });
    // Assess
    expect(answers.filter((a) => a.body.code === 'code_incorrect')).toHaveLength(4);
    expect(answers.filter((a) => a.body.code === 'locked')).toHaveLength(46);
    expect(right).toMatchObject({ status: 423, body: { code: 'locked' } });
  });

  it('sends nothing more once locked, and says to create a new delivery', async () => {
    // Prepare: five wrong codes lock the delivery
    const app = await testApp();
    await newDelivery(app);
    const code = app.lastCode(COURIER_PHONE);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await app.call('POST', '/v1/deliveries/parcel-1/confirm', { code: wrong });
    app.clock.advance(app.policy.resendCooldownSeconds + 1);
    const sent = app.outbox.list({ to: COURIER_PHONE, limit: 100 }).length;
    // Act
    const resends = [];
    for (let i = 0; i < 3; i++) {
      resends.push(await app.call('POST', '/v1/deliveries/parcel-1/resend'));
      app.clock.advance(app.policy.resendCooldownSeconds + 1);
    }
    const right = await app.call('POST', '/v1/deliveries/parcel-1/confirm', { code });
    const status = await app.call('GET', '/v1/deliveries/parcel-1');
    // Assess
    expect(app.outbox.list({ to: COURIER_PHONE, limit: 100 })).toHaveLength(sent);
    for (const answer of [...resends, right]) {
      expect(answer.status).toBe(423);
      expect(answer.body).toMatchObject({ code: 'locked', lockedUntil: null });
      expect(answer.body.detail).toMatch(/create a new delivery/i);
      expect(answer.body.detail).not.toMatch(/support|unlock/i);
    }
    expect(status.body).toMatchObject({ status: 'pending', attemptsRemaining: 0 });
  });

  it('refuses the resend in the database too, when the lock lands after the read', async () => {
    // Prepare: lock the delivery, then ask the store as a resend that read it just before would
    const app = await testApp();
    await newDelivery(app);
    const code = app.lastCode(COURIER_PHONE);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await app.call('POST', '/v1/deliveries/parcel-1/confirm', { code: wrong });
    app.clock.advance(app.policy.resendCooldownSeconds + 1);
    const now = app.clock.now();
    // Act
    const result = await app.deps.deliveries.recordResend({
      deliveryId: 'parcel-1',
      userId: 'u',
      now,
      cooldownCutoff: now - app.policy.resendCooldownSeconds * 1000,
      maxAttempts: app.policy.maxAttempts,
      counters: sendCounters(app.policy, 'destination-hash', now),
    });
    // Assess
    expect(result).toEqual({ ok: false, reason: 'locked' });
  });

  it('answers precisely to bad input and unknown deliveries', async () => {
    // Prepare
    const app = await testApp();
    const now = app.clock.now();
    // Act
    const backwards = await newDelivery(app, {
      windowStart: iso(now + 7_200_000),
      windowEnd: iso(now + 3_600_000),
    });
    const noChannel = await newDelivery(app, { channel: undefined });
    const noFactor = await newDelivery(app, { channel: 'email', destination: undefined });
    await newDelivery(app);
    const twice = await newDelivery(app);
    const unknown = await app.call('POST', '/v1/deliveries/nope/confirm', { code: '123456' });
    // Assess
    expect(backwards).toMatchObject({ status: 400, body: { code: 'invalid_request' } });
    expect(noChannel).toMatchObject({ status: 400, body: { code: 'invalid_request' } });
    expect(noFactor).toMatchObject({ status: 409, body: { code: 'no_active_factor' } });
    expect(twice).toMatchObject({ status: 409, body: { code: 'delivery_exists' } });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'delivery_not_found' } });
  });
});

describe('Use case: erase a user with deliveries', () => {
  const USER = 'erase-me@example.org';
  const KEEP = 'keep-user-0001';
  const EMAIL = 'parcels-of-erase@example.com';
  const KEPT_PHONE = '+14155550199';

  const createFor = (app: TestApp, userId: string, deliveryId: string, target: Record<string, unknown>) => {
    const now = app.clock.now();
    return app.call('POST', '/v1/deliveries', {
      deliveryId,
      userId,
      windowStart: iso(now),
      windowEnd: iso(now + 4 * 3_600_000),
      ...target,
    });
  };
  const mentions = (item: Record<string, unknown>, ...needles: string[]) =>
    needles.some((n) => JSON.stringify(item).includes(n));

  it('deletes every delivery of the user, and only theirs; resend sends nothing', async () => {
    // Prepare: deliveries to the user's factor, to a phone and to an address given, and another user's
    const app = await testApp();
    const { factorId } = await activeSmsFactor(app, USER, PHONE);
    const created = [
      await createFor(app, USER, 'parcel-a', { factorId }),
      await createFor(app, USER, 'parcel-b', { channel: 'sms', destination: COURIER_PHONE }),
      await createFor(app, USER, 'parcel-c', { channel: 'email', destination: EMAIL }),
      await createFor(app, KEEP, 'parcel-k', { channel: 'sms', destination: KEPT_PHONE }),
    ];
    const before = await scanTable(app);
    const keptBefore = before.filter((i) => mentions(i, KEEP, 'parcel-k'));
    app.clock.advance(app.policy.resendCooldownSeconds + 1);
    const sentBefore = app.outbox.list({ limit: 1000 }).length;
    // Act
    const erased = await app.call('DELETE', `/v1/users/${encodeURIComponent(USER)}`);
    const items = await scanTable(app);
    const reads = await Promise.all(
      ['a', 'b', 'c'].map((p) => app.call('GET', `/v1/deliveries/parcel-${p}`)),
    );
    const resends = await Promise.all(
      ['a', 'b', 'c'].map((p) => app.call('POST', `/v1/deliveries/parcel-${p}/resend`)),
    );
    const confirm = await app.call('POST', '/v1/deliveries/parcel-b/confirm', { code: '123456' });
    // Assess
    expect(created.map((c) => c.status)).toEqual([201, 201, 201, 201]);
    expect(
      before.filter((i) => mentions(i, 'parcel-a', 'parcel-b', 'parcel-c')).length,
    ).toBeGreaterThanOrEqual(6);
    expect(erased.status).toBe(204);
    expect(items.filter((i) => mentions(i, USER, 'parcel-a', 'parcel-b', 'parcel-c'))).toEqual([]);
    const dump = JSON.stringify(items);
    for (const destination of ['4155550100', '4155550177', EMAIL]) expect(dump).not.toContain(destination);
    for (const answer of [...reads, ...resends, confirm]) {
      expect(answer).toMatchObject({ status: 404, body: { code: 'delivery_not_found' } });
    }
    expect(app.outbox.list({ limit: 1000 })).toHaveLength(sentBefore);
    // The other user's delivery stays, item for item, and still works.
    expect(items.filter((i) => mentions(i, KEEP, 'parcel-k'))).toEqual(keptBefore);
    expect(keptBefore.length).toBeGreaterThanOrEqual(2);
    expect(await app.call('GET', '/v1/deliveries/parcel-k')).toMatchObject({ status: 200 });
    expect(await app.call('POST', '/v1/deliveries/parcel-k/resend')).toMatchObject({ status: 202 });
    // Many round trips and two full scans: more than the default 5 s on a busy machine.
  }, 20_000);

  it("leaves a delivery id that another user took after the erased user's expired", async () => {
    // Prepare: the user's delivery expires (window + 7 days), then another user reuses its id
    const app = await testApp();
    await createFor(app, USER, 'parcel-r', { channel: 'sms', destination: COURIER_PHONE });
    app.clock.advance(4 * 3600 + 8 * 86_400);
    const reused = await createFor(app, KEEP, 'parcel-r', { channel: 'sms', destination: KEPT_PHONE });
    // Act
    const erased = await app.call('DELETE', `/v1/users/${encodeURIComponent(USER)}`);
    const items = await scanTable(app);
    // Assess
    expect(reused.status).toBe(201);
    expect(erased.status).toBe(204);
    expect(items.filter((i) => mentions(i, USER))).toEqual([]);
    expect(await app.call('GET', '/v1/deliveries/parcel-r')).toMatchObject({
      status: 200,
      body: { userId: KEEP, destinationMasked: '+1*******0199' },
    });
  }, 20_000);
});
