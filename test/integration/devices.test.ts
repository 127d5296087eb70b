/**
 * Remembered devices: a verified sign-in may return a device token that skips the
 * challenge on that device for 30 days. The token is bound to its user, kept only
 * as a hash, answered trusted or not without saying why, and revoked with every
 * event that may mean the account is in the wrong hands.
 */
import { activeSmsFactor, scanTable, testApp, type TestApp, type TestResponse } from './harness';

const PHONE = '+14155550100';
const EMAIL = 'jane@example.com';
const DAY_MS = 86_400_000;

/** Sends a sign-in code and verifies it with `rememberDevice`; returns the answer. */
async function signInRemembering(app: TestApp, userId: string, deviceName?: string): Promise<TestResponse> {
  app.clock.advance(61);
  const sent = await app.call('POST', `/v1/users/${userId}/challenges`, {});
  if (sent.status !== 202) throw new Error(`challenge failed: ${JSON.stringify(sent.body)}`);
  return app.call('POST', `/v1/users/${userId}/verify`, {
    code: app.lastCode(PHONE),
    rememberDevice: true,
    ...(deviceName !== undefined ? { deviceName } : {}),
  });
}

async function rememberedDevice(app: TestApp, userId: string, deviceName?: string): Promise<string> {
  const answer = await signInRemembering(app, userId, deviceName);
  if (answer.status !== 200) throw new Error(`verify failed: ${JSON.stringify(answer.body)}`);
  return answer.body.deviceToken as string;
}

const checkDevice = (app: TestApp, userId: string, deviceToken: string) =>
  app.call('POST', `/v1/users/${userId}/devices/verify`, { deviceToken });

describe('Use case: remember a device', () => {
  it('returns a 256-bit device token that expires in 30 days', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    // Act
    const answer = await signInRemembering(app, 'u', 'Jane laptop');
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'approved', method: 'challenge' });
    expect(answer.body.deviceTokenExpiresAt).toBe(new Date(app.clock.now() + 30 * DAY_MS).toISOString());
    const [deviceId, secret, ...rest] = (answer.body.deviceToken as string).split('.');
    expect(rest).toEqual([]);
    expect(deviceId).toMatch(/^[0-9A-Z]{26}$/);
    expect(Buffer.from(secret as string, 'base64url')).toHaveLength(32);
  });

  it('returns no token unless asked', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    app.clock.advance(61);
    await app.call('POST', '/v1/users/u/challenges', {});
    // Act
    const answer = await app.call('POST', '/v1/users/u/verify', { code: app.lastCode(PHONE) });
    const listed = await app.call('GET', '/v1/users/u/devices');
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.deviceToken).toBeUndefined();
    expect(answer.body.deviceTokenExpiresAt).toBeUndefined();
    expect(listed.body).toEqual({ devices: [] });
  });

  it('remembers a device after a recovery code too', async () => {
    // Prepare
    const app = await testApp();
    const { recoveryCodes } = await activeSmsFactor(app, 'u', PHONE);
    // Act
    const answer = await app.call('POST', '/v1/users/u/verify', {
      code: (recoveryCodes as string[])[0],
      rememberDevice: true,
    });
    const checked = await checkDevice(app, 'u', answer.body.deviceToken as string);
    // Assess
    expect(answer.body).toMatchObject({ status: 'approved', method: 'recovery_code' });
    expect(checked.body.trusted).toBe(true);
  });

  it('remembers nothing when the code is wrong', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    app.clock.advance(61);
    await app.call('POST', '/v1/users/u/challenges', {});
    const code = app.lastCode(PHONE);
    // Act
    const answer = await app.call('POST', '/v1/users/u/verify', {
      code: code === '000000' ? '111111' : '000000',
      rememberDevice: true,
    });
    const listed = await app.call('GET', '/v1/users/u/devices');
    // Assess
    expect(answer.status).toBe(422);
    expect(answer.body.deviceToken).toBeUndefined();
    expect(listed.body).toEqual({ devices: [] });
  });
});

describe('Use case: check a device token', () => {
  it('trusts the token for its own user', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const answer = await signInRemembering(app, 'u');
    const token = answer.body.deviceToken as string;
    // Act
    const checked = await checkDevice(app, 'u', token);
    // Assess
    expect(checked).toMatchObject({ status: 200 });
    expect(checked.body).toEqual({
      trusted: true,
      deviceId: token.split('.')[0],
      expiresAt: answer.body.deviceTokenExpiresAt,
    });
  });

  it('does not trust the token of another user', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    await activeSmsFactor(app, 'v', '+14155550111');
    const token = await rememberedDevice(app, 'u');
    // Act
    const other = await checkDevice(app, 'v', token);
    const nobody = await checkDevice(app, 'nobody', token);
    // Assess
    expect(other).toMatchObject({ status: 200, body: { trusted: false } });
    expect(other.body).toEqual({ trusted: false });
    expect(nobody.body).toEqual({ trusted: false });
  });

  it('answers trusted: false, never an error, for tampered and garbage tokens', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const token = await rememberedDevice(app, 'u');
    const [deviceId, secret] = token.split('.') as [string, string];
    const flipped = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    const otherToken = await rememberedDevice(app, 'u');
    const [otherId, otherSecret] = otherToken.split('.') as [string, string];
    const tampered = [
      `${deviceId}.${flipped}`,
      `${deviceId}.${otherSecret}`,
      `${otherId}.${secret}`,
      `${deviceId}.`,
      `.${secret}`,
      deviceId,
      secret,
      `${token}.extra`,
      `${deviceId}.${secret}x`,
      `${deviceId.toLowerCase()}.${secret}`,
      'garbage',
      '.',
      '..',
      '../../STATE.x',
      `${'A'.repeat(65)}.${secret}`,
      'DEVICE#x.y',
      '💥.💥',
      ' ',
      'x'.repeat(256),
    ];
    // Act
    const answers = await Promise.all(tampered.map((t) => checkDevice(app, 'u', t)));
    const genuine = await checkDevice(app, 'u', token);
    // Assess
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ trusted: false });
    }
    expect(genuine.body.trusted).toBe(true);
  });

  it('rejects a body without a token as invalid_request', async () => {
    // Prepare
    const app = await testApp();
    // Act
    const missing = await app.call('POST', '/v1/users/u/devices/verify', {});
    const empty = await app.call('POST', '/v1/users/u/devices/verify', { deviceToken: '' });
    const tooLong = await app.call('POST', '/v1/users/u/devices/verify', { deviceToken: 'x'.repeat(257) });
    // Assess
    for (const answer of [missing, empty, tooLong]) {
      expect(answer).toMatchObject({ status: 400, body: { code: 'invalid_request' } });
    }
  });

  it('stops trusting the token after 30 days', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const token = await rememberedDevice(app, 'u');
    // Act
    app.clock.advance(30 * 86_400 - 1);
    const lastSecond = await checkDevice(app, 'u', token);
    app.clock.advance(1);
    const expired = await checkDevice(app, 'u', token);
    const listed = await app.call('GET', '/v1/users/u/devices');
    // Assess
    expect(lastSecond.body.trusted).toBe(true);
    expect(expired.body).toEqual({ trusted: false });
    expect(listed.body).toEqual({ devices: [] });
  });

  it('stops trusting the token at its exact expiry, to the millisecond', async () => {
    // Prepare: a device remembered at a time that is not a whole second.
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    app.clock.advance(0.4);
    const answer = await signInRemembering(app, 'u');
    const expiresAt = Date.parse(answer.body.deviceTokenExpiresAt as string);
    // Act
    app.clock.advance((expiresAt - app.clock.now() - 1) / 1000);
    const before = await checkDevice(app, 'u', answer.body.deviceToken as string);
    app.clock.advance(0.001);
    const at = await checkDevice(app, 'u', answer.body.deviceToken as string);
    const listed = await app.call('GET', '/v1/users/u/devices');
    // Assess
    expect(expiresAt % 1000).toBe(400);
    expect(before.body.trusted).toBe(true);
    expect(at.body).toEqual({ trusted: false });
    expect(listed.body).toEqual({ devices: [] });
  });
});

describe('Use case: list and revoke remembered devices', () => {
  it('lists devices with their names, newest first, and the last use', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const laptop = await rememberedDevice(app, 'u', 'Jane laptop');
    const createdAt = new Date(app.clock.now()).toISOString();
    const phone = await rememberedDevice(app, 'u', 'Jane phone');
    const unnamed = await rememberedDevice(app, 'u');
    app.clock.advance(10);
    await checkDevice(app, 'u', laptop);
    // Act
    const listed = await app.call('GET', '/v1/users/u/devices');
    // Assess
    const devices = listed.body.devices as Array<Record<string, unknown>>;
    expect(devices.map((d) => d.deviceId)).toEqual([unnamed, phone, laptop].map((t) => t.split('.')[0]));
    expect(devices[0]?.name).toBeUndefined();
    expect(devices[1]?.name).toBe('Jane phone');
    expect(devices[2]).toEqual({
      deviceId: laptop.split('.')[0],
      name: 'Jane laptop',
      createdAt,
      expiresAt: new Date(Date.parse(createdAt) + 30 * DAY_MS).toISOString(),
      lastUsedAt: new Date(app.clock.now()).toISOString(),
    });
    expect(JSON.stringify(listed.body)).not.toContain(laptop.split('.')[1]);
  });

  it('revokes one device, then answers 404 for it', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const kept = await rememberedDevice(app, 'u', 'kept');
    const token = await rememberedDevice(app, 'u', 'revoked');
    const deviceId = token.split('.')[0] as string;
    // Act
    const revoked = await app.call('DELETE', `/v1/users/u/devices/${deviceId}`);
    const checked = await checkDevice(app, 'u', token);
    const again = await app.call('DELETE', `/v1/users/u/devices/${deviceId}`);
    const listed = await app.call('GET', '/v1/users/u/devices');
    // Assess
    expect(revoked.status).toBe(204);
    expect(checked.body).toEqual({ trusted: false });
    expect(again).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect((listed.body.devices as unknown[]).length).toBe(1);
    expect((await checkDevice(app, 'u', kept)).body.trusted).toBe(true);
  });

  it('answers 404 when revoking a device that has expired', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const token = await rememberedDevice(app, 'u');
    app.clock.advance(30 * 86_400);
    // Act
    const answer = await app.call('DELETE', `/v1/users/u/devices/${token.split('.')[0] as string}`);
    const events = (await app.call('GET', '/v1/users/u/events')).body.events as Array<{ type: string }>;
    // Assess
    expect(answer).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(events.map((e) => e.type)).not.toContain('device_revoked');
  });

  it("cannot revoke another user's device", async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const token = await rememberedDevice(app, 'u');
    // Act
    const answer = await app.call('DELETE', `/v1/users/v/devices/${token.split('.')[0] as string}`);
    // Assess
    expect(answer).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect((await checkDevice(app, 'u', token)).body.trusted).toBe(true);
  });
});

describe('Rule: every remembered device is revoked when the account may be in the wrong hands', () => {
  async function userWithTwoDevices(app: TestApp): Promise<{ tokens: string[]; emailFactorId: string }> {
    await activeSmsFactor(app, 'u', PHONE);
    const added = await app.call('POST', '/v1/users/u/factors', { type: 'email', destination: EMAIL });
    const emailFactorId = (added.body.factor as { factorId: string }).factorId;
    await app.call('POST', `/v1/users/u/factors/${emailFactorId}/activate`, { code: app.lastCode(EMAIL) });
    const tokens = [await rememberedDevice(app, 'u', 'one'), await rememberedDevice(app, 'u', 'two')];
    for (const token of tokens) expect((await checkDevice(app, 'u', token)).body.trusted).toBe(true);
    return { tokens, emailFactorId };
  }

  async function expectAllRevoked(app: TestApp, tokens: readonly string[]): Promise<void> {
    for (const token of tokens) expect((await checkDevice(app, 'u', token)).body).toEqual({ trusted: false });
    expect((await app.call('GET', '/v1/users/u/devices')).body).toEqual({ devices: [] });
  }

  it('when a factor is removed', async () => {
    // Prepare
    const app = await testApp();
    const { tokens, emailFactorId } = await userWithTwoDevices(app);
    // Act
    const removed = await app.call('DELETE', `/v1/users/u/factors/${emailFactorId}`);
    // Assess
    expect(removed.status).toBe(204);
    await expectAllRevoked(app, tokens);
  });

  it('when recovery codes are regenerated', async () => {
    // Prepare
    const app = await testApp();
    const { tokens } = await userWithTwoDevices(app);
    // Act
    const regenerated = await app.call('POST', '/v1/users/u/recovery-codes');
    // Assess
    expect(regenerated.status).toBe(201);
    await expectAllRevoked(app, tokens);
  });

  it('when an unrequested code is reported', async () => {
    // Prepare
    const app = await testApp();
    const { tokens } = await userWithTwoDevices(app);
    app.clock.advance(61);
    const sent = await app.call('POST', '/v1/users/u/challenges', {});
    // Act
    const reported = await app.call(
      'POST',
      `/v1/users/u/challenges/${sent.body.challengeId as string}/report`,
    );
    // Assess
    expect(reported.status).toBe(202);
    await expectAllRevoked(app, tokens);
  });

  it("leaves another user's devices alone", async () => {
    // Prepare
    const app = await testApp();
    const { emailFactorId } = await userWithTwoDevices(app);
    await activeSmsFactor(app, 'v', '+14155550111');
    app.clock.advance(61);
    await app.call('POST', '/v1/users/v/challenges', {});
    const other = await app.call('POST', '/v1/users/v/verify', {
      code: app.lastCode('+14155550111'),
      rememberDevice: true,
    });
    // Act
    await app.call('DELETE', `/v1/users/u/factors/${emailFactorId}`);
    // Assess
    expect((await checkDevice(app, 'v', other.body.deviceToken as string)).body.trusted).toBe(true);
  });
});

describe('Rule: only a hash of the device token is stored', () => {
  it('keeps no trace of the token secret in the table', async () => {
    // Prepare
    const app = await testApp();
    await activeSmsFactor(app, 'u', PHONE);
    const token = await rememberedDevice(app, 'u', 'Jane laptop');
    const [deviceId, secret] = token.split('.') as [string, string];
    // Act
    const items = await scanTable(app);
    // Assess
    const dump = JSON.stringify(items);
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(Buffer.from(secret, 'base64url').toString('hex'));
    expect(dump).not.toContain(Buffer.from(secret, 'base64url').toString('base64'));
    const device = items.find((i) => i.sk === `DEVICE#${deviceId}`);
    expect(device).toMatchObject({ pk: 'DEVICES#u', name: 'Jane laptop' });
    expect(typeof device?.tokenHash).toBe('string');
    expect(device?.tokenHash).not.toBe(secret);
  });
});
