/**
 * The OpenAPI document against the running service: the local server serves the
 * committed document without a key; every route of the document is one a handler
 * really serves (none answers the router's "No such route" or 405); and a walk
 * through every route checks each real answer against what the document promises
 * for that route: a documented status with a body its schema accepts, or a problem
 * code the route lists, with the catalogue's status and extra members.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OPERATIONS, COMMON_PROBLEMS, KEYED_PROBLEMS } from '../../lambdas/http/openapi/operations';
import { problemEntry } from '../../lambdas/http/openapi/problems';
import { ROUTES } from '../../lambdas/contract/routes';
import { startLocalServer } from '../../local/server';
import { testApp, type TestApp, type TestResponse } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');

/** Asserts the answer is one the document promises for `key`; returns its body. */
function conforms(key: string, answer: TestResponse): TestResponse['body'] {
  const op = OPERATIONS[key];
  if (!op) throw new Error(`undocumented route ${key}`);
  const isPublic = ROUTES.find((r) => `${r.method} ${r.resource}` === key)?.public === true;
  if (answer.status >= 400) {
    const code = String(answer.body.code);
    const allowed: string[] = [...COMMON_PROBLEMS, ...(isPublic ? [] : KEYED_PROBLEMS), ...op.problems];
    expect({ key, code, listed: allowed.includes(code) }).toEqual({ key, code, listed: true });
    const entry = problemEntry(code);
    expect(answer.status).toBe(entry.status);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    for (const [name, schema] of Object.entries(entry.extras)) {
      const parsed = schema.safeParse(answer.body[name]);
      expect({ key, name, ok: parsed.success }).toEqual({ key, name, ok: true });
    }
    if (entry.retryAfter) expect(answer.headers['retry-after']).toMatch(/^\d+$/);
    return answer.body;
  }
  const documented = op.answers.find((a) => a.status === answer.status);
  expect({ key, status: answer.status, documented: documented !== undefined }).toEqual({
    key,
    status: answer.status,
    documented: true,
  });
  if (documented?.schema) {
    const parsed = documented.schema.safeParse(answer.body);
    expect({ key, issues: parsed.success ? [] : parsed.error.issues }).toEqual({ key, issues: [] });
  }
  return answer.body;
}

describe('Module: OpenAPI document against the service', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await testApp();
  });

  it('serves the committed document at GET /v1/openapi.json without a key', async () => {
    // Prepare
    const server = await startLocalServer({ port: 0, app, requestLog: false });
    try {
      // Act
      const answer = await fetch(`${server.url}/v1/openapi.json`);
      const text = await answer.text();
      // Assess
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/json');
      expect(JSON.parse(text)).toEqual(
        JSON.parse(readFileSync(path.join(ROOT, 'lambdas/http/openapi/openapi.json'), 'utf8')),
      );
    } finally {
      await server.close();
    }
  });

  it('has a handler behind every documented route', async () => {
    // Act
    const unserved: string[] = [];
    for (const key of Object.keys(OPERATIONS)) {
      const [method, resource] = key.split(' ') as [string, string];
      const target = resource.replace(/\{\w+\}/g, 'x1');
      const answer = await app.call(method, target, method === 'GET' || method === 'DELETE' ? undefined : {});
      if (answer.status === 405 || answer.body.detail === 'No such route.') unserved.push(key);
    }
    // Assess
    expect(unserved).toEqual([]);
  });

  it('answers every route as the document says, successes and problems alike', async () => {
    // Prepare
    const user = 'doc-walk';
    const phone = '+14155550177';
    const u = `/v1/users/${user}`;
    // Act / Assess, route by route
    conforms('GET /v1/health', await app.call('GET', '/v1/health'));
    const added = conforms(
      'POST /v1/users/{userId}/factors',
      await app.call(
        'POST',
        `${u}/factors`,
        { type: 'sms', destination: phone },
        { 'idempotency-key': 'k-1' },
      ),
    );
    const factorId = (added.factor as { factorId: string }).factorId;
    conforms(
      'POST /v1/users/{userId}/factors',
      await app.call('POST', `${u}/factors`, { type: 'email', destination: 'nope' }),
    );
    conforms(
      'POST /v1/users/{userId}/factors/{factorId}/activate',
      await app.call('POST', `${u}/factors/${factorId}/activate`, { code: '000000' }),
    );
    conforms(
      'POST /v1/users/{userId}/factors/{factorId}/activate',
      await app.call('POST', `${u}/factors/${factorId}/activate`, { code: app.lastCode(phone) }),
    );
    conforms('GET /v1/users/{userId}/factors', await app.call('GET', `${u}/factors`));
    const totp = conforms(
      'POST /v1/users/{userId}/factors',
      await app.call('POST', `${u}/factors`, { type: 'totp' }),
    );
    conforms(
      'DELETE /v1/users/{userId}/factors/{factorId}',
      await app.call('DELETE', `${u}/factors/${(totp.factor as { factorId: string }).factorId}`),
    );
    const sent = conforms(
      'POST /v1/users/{userId}/challenges',
      await app.call('POST', `${u}/challenges`, {}),
    );
    conforms(
      'POST /v1/users/{userId}/challenges',
      await app.call('POST', `${u}/challenges`, { channel: 'email' }),
    );
    app.clock.advance(1);
    conforms('POST /v1/users/{userId}/challenges', await app.call('POST', `${u}/challenges`, {}));
    conforms(
      'GET /v1/users/{userId}/challenges/{challengeId}',
      await app.call('GET', `${u}/challenges/${String(sent.challengeId)}`),
    );
    conforms('POST /v1/users/{userId}/verify', await app.call('POST', `${u}/verify`, { code: '000000' }));
    const approved = conforms(
      'POST /v1/users/{userId}/verify',
      await app.call('POST', `${u}/verify`, {
        code: app.lastCode(phone),
        rememberDevice: true,
        deviceName: 'Phone',
      }),
    );
    conforms(
      'POST /v1/users/{userId}/verify',
      await app.call('POST', `${u}/verify`, { code: app.lastCode(phone) }),
    );
    conforms(
      'POST /v1/users/{userId}/devices/verify',
      await app.call('POST', `${u}/devices/verify`, { deviceToken: String(approved.deviceToken) }),
    );
    conforms(
      'POST /v1/users/{userId}/devices/verify',
      await app.call('POST', `${u}/devices/verify`, { deviceToken: 'not-a-token' }),
    );
    const devices = conforms('GET /v1/users/{userId}/devices', await app.call('GET', `${u}/devices`));
    const deviceId = (devices.devices as Array<{ deviceId: string }>)[0]?.deviceId ?? 'none';
    conforms(
      'DELETE /v1/users/{userId}/devices/{deviceId}',
      await app.call('DELETE', `${u}/devices/${deviceId}`),
    );
    conforms('POST /v1/users/{userId}/recovery-codes', await app.call('POST', `${u}/recovery-codes`));
    app.clock.advance(61);
    const reportable = conforms(
      'POST /v1/users/{userId}/challenges',
      await app.call('POST', `${u}/challenges`, {}),
    );
    conforms(
      'POST /v1/users/{userId}/challenges/{challengeId}/report',
      await app.call('POST', `${u}/challenges/${String(reportable.challengeId)}/report`),
    );
    conforms('GET /v1/users/{userId}/events', await app.call('GET', `${u}/events?limit=3`));
    conforms('GET /v1/users/{userId}/events', await app.call('GET', `${u}/events?limit=0`));
    conforms('DELETE /v1/users/{userId}/lockout', await app.call('DELETE', `${u}/lockout`));

    const now = app.clock.now();
    const window = {
      windowStart: new Date(now).toISOString(),
      windowEnd: new Date(now + 7_200_000).toISOString(),
    };
    const d = `/v1/deliveries/parcel-doc`;
    conforms(
      'POST /v1/deliveries',
      await app.call('POST', '/v1/deliveries', {
        deliveryId: 'parcel-doc',
        userId: user,
        factorId,
        ...window,
      }),
    );
    conforms(
      'POST /v1/deliveries',
      await app.call('POST', '/v1/deliveries', {
        deliveryId: 'parcel-doc',
        userId: user,
        factorId,
        ...window,
      }),
    );
    conforms('GET /v1/deliveries/{deliveryId}', await app.call('GET', d));
    conforms('POST /v1/deliveries/{deliveryId}/resend', await app.call('POST', `${d}/resend`));
    app.clock.advance(61);
    conforms('POST /v1/deliveries/{deliveryId}/resend', await app.call('POST', `${d}/resend`));
    conforms(
      'POST /v1/deliveries/{deliveryId}/confirm',
      await app.call('POST', `${d}/confirm`, { code: '0' }),
    );
    conforms(
      'POST /v1/deliveries/{deliveryId}/confirm',
      await app.call('POST', `${d}/confirm`, { code: app.lastCode(phone) }),
    );
    conforms(
      'POST /v1/deliveries/{deliveryId}/confirm',
      await app.call('POST', `${d}/confirm`, { code: '0' }),
    );
    conforms('GET /v1/deliveries/{deliveryId}', await app.call('GET', '/v1/deliveries/nothing-here'));
    conforms(
      'POST /v1/reports/{reportToken}',
      await app.call('POST', '/v1/reports/not.genuine', undefined, { 'x-api-key': '' }),
    );
    conforms('DELETE /v1/users/{userId}', await app.call('DELETE', u));
  });

  it('answers fallback ladders and next as the document says', async () => {
    // Prepare
    const ladders = await testApp();
    const u = '/v1/users/doc-ladder';
    const added = await ladders.call('POST', `${u}/factors`, { type: 'sms', destination: '+14155550178' });
    const factorId = (added.body.factor as { factorId: string }).factorId;
    await ladders.call('POST', `${u}/factors/${factorId}/activate`, {
      code: ladders.lastCode('+14155550178'),
    });
    const email = await ladders.call('POST', `${u}/factors`, {
      type: 'email',
      destination: 'doc-ladder@example.com',
    });
    await ladders.call(
      'POST',
      `${u}/factors/${(email.body.factor as { factorId: string }).factorId}/activate`,
      {
        code: ladders.lastCode('doc-ladder@example.com'),
      },
    );
    // Act / Assess
    const sent = conforms(
      'POST /v1/users/{userId}/challenges',
      await ladders.call('POST', `${u}/challenges`, { fallback: ['sms', 'email@120'] }),
    );
    expect(sent.fallback).toHaveLength(2);
    const next = `${u}/challenges/${String(sent.challengeId)}/next`;
    const moved = conforms(
      'POST /v1/users/{userId}/challenges/{challengeId}/next',
      await ladders.call('POST', next),
    );
    expect(moved.channel).toBe('email');
    conforms(
      'GET /v1/users/{userId}/challenges/{challengeId}',
      await ladders.call('GET', `${u}/challenges/${String(sent.challengeId)}`),
    );
    conforms(
      'POST /v1/users/{userId}/challenges/{challengeId}/next',
      await ladders.call('POST', `${u}/challenges/nothing/next`),
    );
    conforms(
      'POST /v1/users/{userId}/challenges',
      await ladders.call('POST', `${u}/challenges`, { fallback: ['sms', 'fax@1'] }),
    );
    ladders.timers.stop();
  });
});
