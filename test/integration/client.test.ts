/**
 * The typed client (client/) against the local server over HTTP: a whole enrolment
 * and sign-in with typed answers; problems thrown as typed errors; an Idempotency-Key
 * on every challenge send and enrolment by default, the same across a call's
 * retries, so a retried send sends once; and a 503 retried after its Retry-After,
 * with DynamoDB really unreachable for the first attempt (a proxy that opens only
 * when the client waits).
 */
import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { createOnetimeClient, isProblem, OnetimeProblem, type OnetimeClient } from '../../client';
import { ensureTable } from '../../lambdas/adapters/dynamodb/table';
import { freePort } from '../../local/dynamodb-local';
import { createLocalApp, silentLog, type LocalApp } from '../../local/local-app';
import { startLocalServer, type LocalServer } from '../../local/server';
import { API_KEY, endpoint, rawClient } from './harness';

interface Sent {
  readonly method: string;
  readonly url: string;
  readonly idempotencyKey: string | undefined;
}

/** fetch as the client calls it, recording what was sent (the requests still go to the real server). */
function recordingFetch(sent: Sent[]): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    sent.push({
      method: init?.method ?? 'GET',
      url: String(input),
      idempotencyKey: headers.get('idempotency-key') ?? undefined,
    });
    return fetch(input, init);
  };
}

function codeFor(app: LocalApp, to: string): string {
  const body = app.outbox.list({ to, limit: 1 })[0]?.body ?? '';
  const digits = /\b\d{6}\b/.exec(body);
  if (!digits) throw new Error(`no code to ${to}`);
  return digits[0];
}

describe('Module: client', () => {
  const tableName = `client_${process.pid}_${Date.now().toString(36)}`;
  const secret = randomBytes(32);
  let app: LocalApp;
  let server: LocalServer;
  let client: OnetimeClient;
  const sent: Sent[] = [];
  const closers: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    const raw = rawClient();
    await ensureTable(raw, tableName);
    raw.destroy();
    app = createLocalApp({ endpoint: endpoint(), tableName, secret, apiKey: API_KEY, log: silentLog });
    server = await startLocalServer({ port: 0, app, requestLog: false });
    closers.push(() => server.close());
    client = createOnetimeClient({ baseUrl: server.url, apiKey: API_KEY, fetch: recordingFetch(sent) });
  });

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  async function activePhone(userId: string, phone: string): Promise<string> {
    const added = await client.addFactor(userId, { type: 'sms', destination: phone });
    if (!('challenge' in added)) throw new Error('expected an out-of-band enrolment');
    await client.activateFactor(userId, added.factor.factorId, { code: codeFor(app, phone) });
    return added.factor.factorId;
  }

  it('enrols, sends and verifies with typed answers', async () => {
    // Prepare
    const phone = '+14155550161';
    // Act
    const added = await client.addFactor('client-1', { type: 'sms', destination: phone, label: 'Phone' });
    const factorId = added.factor.factorId;
    const activated = await client.activateFactor('client-1', factorId, { code: codeFor(app, phone) });
    const challenge = await client.sendChallenge('client-1', { purpose: 'sign_in' });
    const approved = await client.verify('client-1', { code: codeFor(app, phone), rememberDevice: true });
    const device = await client.verifyDevice('client-1', { deviceToken: approved.deviceToken ?? '' });
    const factors = await client.listFactors('client-1');
    // Assess
    expect(added.factor.status).toBe('pending');
    expect(activated.factor.status).toBe('active');
    expect(activated.recoveryCodes).toHaveLength(10);
    expect(challenge).toMatchObject({
      channel: 'sms',
      factorId,
      destinationMasked: '+1*******0161',
      codeLength: 6,
    });
    expect(approved).toMatchObject({ status: 'approved', method: 'challenge', factorId });
    expect(device.trusted).toBe(true);
    expect(factors).toMatchObject({ twoStepEnabled: true, factors: [{ factorId, status: 'active' }] });
  }, 20_000);

  it('throws problems as typed errors that isProblem narrows', async () => {
    // Prepare
    await activePhone('client-2', '+14155550162');
    await client.sendChallenge('client-2');
    // Act
    const wrong = await client.verify('client-2', { code: '000000' }).catch((error: unknown) => error);
    const missing = await client.getDelivery('no-such-parcel').catch((error: unknown) => error);
    const invalid = await client
      .addFactor('client-2', { type: 'sms', destination: 'not a phone' })
      .catch((error: unknown) => error);
    // Assess
    expect(wrong).toBeInstanceOf(OnetimeProblem);
    if (!isProblem(wrong, 'code_incorrect')) throw new Error('expected code_incorrect');
    expect(wrong.status).toBe(422);
    expect(wrong.body.attemptsRemaining).toBe(4);
    expect(isProblem(missing, 'delivery_not_found')).toBe(true);
    expect(isProblem(missing, 'not_found')).toBe(false);
    expect(isProblem(invalid, 'invalid_phone_number')).toBe(true);
  });

  it('sends an Idempotency-Key on challenge sends and enrolments by default, a new one per call', async () => {
    // Prepare
    await activePhone('client-3', '+14155550163');
    sent.length = 0;
    // Act
    await client.sendChallenge('client-3', { purpose: 'first' }, { idempotencyKey: false });
    await client.sendChallenge('client-3', { purpose: 'second' });
    await client.addFactor('client-3', { type: 'email', destination: 'client3@example.com' });
    await client.listFactors('client-3');
    // Assess
    const keys = sent.map((s) => s.idempotencyKey);
    expect(keys[0]).toBeUndefined();
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[2]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[2]).not.toBe(keys[1]);
    expect(keys[3]).toBeUndefined();
  });

  it('answers a repeated send under the same key with the first answer, sending once', async () => {
    // Prepare
    const phone = '+14155550164';
    await activePhone('client-4', phone);
    const before = app.outbox.list({ to: phone, limit: 500 }).length;
    // Act
    const first = await client.sendChallenge('client-4', {}, { idempotencyKey: 'press-1' });
    const again = await client.sendChallenge('client-4', {}, { idempotencyKey: 'press-1' });
    const other = await client
      .sendChallenge('client-4', { purpose: 'other' }, { idempotencyKey: 'press-1' })
      .catch((error: unknown) => error);
    // Assess
    expect(again).toEqual(first);
    expect(app.outbox.list({ to: phone, limit: 500 }).length - before).toBe(1);
    expect(isProblem(other, 'idempotency_key_reused')).toBe(true);
  });

  describe('with DynamoDB unreachable at first', () => {
    let flaky: LocalApp;
    let flakyServer: LocalServer;
    let proxy: Server | undefined;
    let proxyPort: number;
    const sockets = new Set<Socket>();

    /** Opens the way to the real DynamoDB Local on proxyPort. */
    async function openProxy(): Promise<void> {
      if (proxy) return;
      const target = new URL(endpoint());
      proxy = createServer((socket) => {
        sockets.add(socket);
        const upstream = connect(Number(target.port), target.hostname);
        socket.on('error', () => upstream.destroy());
        upstream.on('error', () => socket.destroy());
        socket.pipe(upstream).pipe(socket);
      });
      await new Promise<void>((resolve) => proxy?.listen(proxyPort, '127.0.0.1', resolve));
    }

    async function closeProxy(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      const closing = proxy;
      proxy = undefined;
      if (closing) await new Promise((r) => closing.close(r));
    }

    beforeAll(async () => {
      proxyPort = await freePort();
      flaky = createLocalApp({
        endpoint: `http://127.0.0.1:${proxyPort}`,
        tableName,
        secret,
        apiKey: API_KEY,
        log: silentLog,
      });
      flakyServer = await startLocalServer({ port: 0, app: flaky, requestLog: false });
      closers.push(() => flakyServer.close(), closeProxy);
    });

    afterEach(closeProxy);

    it('retries a 503 after its Retry-After, with the same Idempotency-Key, and sends once', async () => {
      // Prepare
      const phone = '+14155550165';
      await activePhone('client-5', phone);
      const flakySent: Sent[] = [];
      const waits: number[] = [];
      const flakyClient = createOnetimeClient({
        baseUrl: flakyServer.url,
        apiKey: API_KEY,
        fetch: recordingFetch(flakySent),
        sleep: async (ms) => {
          waits.push(ms);
          await openProxy();
        },
      });
      // Act
      const challenge = await flakyClient.sendChallenge('client-5');
      // Assess
      expect(waits).toEqual([5000]);
      expect(flakySent).toHaveLength(2);
      expect(flakySent[0]?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(flakySent[1]?.idempotencyKey).toBe(flakySent[0]?.idempotencyKey);
      expect(challenge.channel).toBe('sms');
      expect(flaky.outbox.list({ to: phone, limit: 10 })).toHaveLength(1);
    }, 30_000);

    it('throws unavailable with its Retry-After once the retries are spent, or when the wait is too long', async () => {
      // Prepare
      const waits: number[] = [];
      const make = (options: { maxRetries?: number; maxRetryDelaySeconds?: number }) =>
        createOnetimeClient({
          baseUrl: flakyServer.url,
          apiKey: API_KEY,
          sleep: async (ms) => void waits.push(ms),
          ...options,
        });
      // Act
      const spent = await make({ maxRetries: 1 })
        .listFactors('client-6')
        .catch((error: unknown) => error);
      const tooLong = await make({ maxRetryDelaySeconds: 4 })
        .listFactors('client-6')
        .catch((error: unknown) => error);
      // Assess
      expect(isProblem(spent, 'unavailable')).toBe(true);
      expect((spent as OnetimeProblem).retryAfterSeconds).toBe(5);
      expect(isProblem(tooLong, 'unavailable')).toBe(true);
      expect(waits).toEqual([5000]);
    }, 30_000);
  });
});
