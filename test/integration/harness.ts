/**
 * Test harness: a fresh table on the run's DynamoDB Local, the local app's
 * handlers on it, a clock the test moves, and helpers to call routes and read
 * codes from the outbox.
 */
import type { Outcome } from '../../lambdas/ports/outcomes';
import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { randomBytes } from 'node:crypto';
import { ensureTable } from '../../lambdas/adapters/dynamodb/table';
import type { Env } from '../../lambdas/contract/env';
import { DEFAULT_POLICY, type Policy } from '../../lambdas/domain/policy';
import type { DeliveryChannel } from '../../lambdas/domain/channel';
import type { RefusalReason } from '../../lambdas/ports/sender';
import type { StepScheduler } from '../../lambdas/ports/step-scheduler';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/dynamodb-local';
import { createLocalApp, type LocalApp } from '../../local/local-app';

export const API_KEY = 'test-key';

export function endpoint(): string {
  const value = process.env.ONETIME_TEST_DYNAMODB_ENDPOINT;
  if (!value) throw new Error('integration tests need the global setup (DynamoDB Local)');
  return value;
}

export function rawClient(): DynamoDBClient {
  return new DynamoDBClient({ endpoint: endpoint(), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

const HOUR_MS = 3_600_000;

/**
 * The instant a test clock starts at: the real time rounded up to the next whole
 * UTC hour, plus 5 seconds. Real time, because DynamoDB Local's TTL sweeper
 * deletes items whose TTL is in the real past (a fixed date would age out);
 * rounded, so tests that reason about hourly send buckets start 5 seconds into a
 * fresh hour whatever minute they run at.
 */
export function testEpoch(realNow = Date.now()): number {
  return Math.ceil((realNow + 1) / HOUR_MS) * HOUR_MS + 5_000;
}

/** A clock tests move by hand; starts at {@link testEpoch}. */
export class ManualClock {
  constructor(private current = testEpoch()) {}
  now(): number {
    return this.current;
  }
  advance(seconds: number): void {
    this.current += seconds * 1000;
  }
}

let tables = 0;

export interface TestApp extends LocalApp {
  readonly clock: ManualClock;
  readonly tableName: string;
  readonly policy: Policy;
  /** What the use cases reported, in order (the business metrics in AWS). */
  readonly outcomes: Outcome[];
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  /** The code in the newest message to `to` (the last digit run of its body). */
  lastCode(to: string): string;
}

export interface TestResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  // Tests read response members freely; the shapes are asserted, not assumed.
  readonly body: Record<string, unknown> & { [k: string]: unknown };
}

export async function testApp(
  options: {
    policy?: Partial<Policy>;
    refuse?: (to: string, channel: DeliveryChannel) => RefusalReason | undefined;
    /** Environment for the messaging settings (`ONETIME_PUBLIC_URL`, `ONETIME_SERVICE_NAME`, ...). */
    env?: Env;
    /** Schedules fallback steps instead of the local timers. */
    stepScheduler?: StepScheduler;
  } = {},
): Promise<TestApp> {
  const tableName = `t${process.pid}_${Date.now().toString(36)}_${tables++}`;
  const client = rawClient();
  await ensureTable(client, tableName);
  client.destroy();
  const clock = new ManualClock();
  // The conversion guard is off unless a test turns it on: most tests send codes they never enter,
  // to numbers of one prefix, which is exactly what the guard blocks (test/integration/conversion-guard.test.ts).
  const policy: Policy = { ...DEFAULT_POLICY, conversionGuard: 'off', ...options.policy };
  const outcomes: Outcome[] = [];
  const app = createLocalApp({
    endpoint: endpoint(),
    tableName,
    secret: randomBytes(32),
    apiKey: API_KEY,
    clock,
    // Unexpected errors are shown, so a failing test says why.
    log: { info: () => undefined, warn: () => undefined, error: (m, f) => console.error(m, f) },
    policy,
    ...(options.refuse ? { refuse: options.refuse } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.stepScheduler ? { stepScheduler: options.stepScheduler } : {}),
    outcomes: { record: (outcome) => outcomes.push(outcome) },
  });
  return {
    ...app,
    clock,
    tableName,
    policy,
    outcomes,
    async call(method, path, body, headers = {}) {
      const [pathname, search] = path.split('?');
      const query = Object.fromEntries(new URLSearchParams(search ?? ''));
      const response = await app.dispatch({
        method,
        path: pathname as string,
        query,
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEY, ...headers },
        body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
      });
      return {
        status: response.statusCode,
        headers: response.headers,
        body: response.body ? (JSON.parse(response.body) as TestResponse['body']) : {},
      };
    },
    lastCode(to) {
      const message = app.outbox.list({ to, limit: 1 })[0];
      if (!message) throw new Error(`no message to ${to}`);
      const digits = message.body.match(/\b\d{4,10}\b/);
      if (!digits) throw new Error('no code in message');
      return digits[0];
    },
  };
}

/** Enrols and activates an SMS factor; returns its id and the recovery codes, if any. */
export async function activeSmsFactor(
  app: TestApp,
  userId: string,
  phone = '+14155550100',
): Promise<{ factorId: string; recoveryCodes?: string[] }> {
  const added = await app.call('POST', `/v1/users/${userId}/factors`, { type: 'sms', destination: phone });
  if (added.status !== 201) throw new Error(`enrol failed: ${JSON.stringify(added.body)}`);
  const factorId = (added.body.factor as { factorId: string }).factorId;
  const activated = await app.call('POST', `/v1/users/${userId}/factors/${factorId}/activate`, {
    code: app.lastCode(phone),
  });
  if (activated.status !== 200) throw new Error(`activate failed: ${JSON.stringify(activated.body)}`);
  return { factorId, recoveryCodes: activated.body.recoveryCodes as string[] | undefined };
}

/** Every item of the app's table, as plain objects (a raw Scan, outside the app's code). */
export async function scanTable(app: Pick<TestApp, 'tableName'>): Promise<Record<string, unknown>[]> {
  const client = rawClient();
  const items: Record<string, unknown>[] = [];
  try {
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({ TableName: app.tableName, ConsistentRead: true, ExclusiveStartKey: startKey }),
      );
      items.push(...(page.Items ?? []).map((i) => unmarshall(i)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  } finally {
    client.destroy();
  }
  return items;
}
