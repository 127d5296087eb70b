/**
 * Benchmark of the hot paths through the local HTTP server on DynamoDB Local:
 * per send, correct verify, wrong verify and locked answer, the DynamoDB requests,
 * round trips in sequence, items written and write request units, and p50/p99
 * latency next to one raw UpdateItem on the same DynamoDB Local. The raw samples
 * are interleaved with the API calls of the same run, one before each call, so both
 * see the same warm (or busy) DynamoDB Local.
 */
import { UpdateItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { ensureTable } from '../lambdas/adapters/dynamodb/table';
import { DEFAULT_POLICY } from '../lambdas/domain/policy';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../local/dynamodb-local';
import { createLocalApp, type LocalApp } from '../local/local-app';
import { startLocalServer } from '../local/server';
import { meterDynamo, type Meter } from './dynamo-meter';
import { fmt, percentile, timed } from './stats';

const USERS = Number(process.env.BENCH_USERS ?? 150);
const WARMUP = 20;
const API_KEY = 'bench-key';

interface Figures {
  readonly calls: number;
  readonly rounds: number;
  readonly items: number;
  readonly writeUnits: number;
  readonly abuseUnits: number;
  readonly p50: number;
  readonly p99: number;
  /** The raw UpdateItem samples taken between this operation's calls. */
  readonly rawP50: number;
}

export async function benchApiLatency(): Promise<void> {
  const dynamo = await startDynamoDbLocal();
  try {
    const raw = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    await ensureTable(raw, 'bench');
    let rawIndex = 0;
    const rawUpdate = async () =>
      (
        await timed(() =>
          raw.send(
            new UpdateItemCommand({
              TableName: 'bench',
              Key: { pk: { S: `RAW#${rawIndex++ % 50}` }, sk: { S: 'RAW' } },
              UpdateExpression: 'ADD n :one',
              ExpressionAttributeValues: { ':one': { N: '1' } },
            }),
          ),
        )
      ).ms;
    // Warm DynamoDB Local first: it answers 2-3x slower in its first seconds.
    for (let i = 0; i < 300; i++) await rawUpdate();

    let meter: Meter = { calls: 0, rounds: 0, items: 0, writeUnits: 0, abuseUnits: 0 };
    const app = createLocalApp({
      endpoint: dynamo.endpoint,
      tableName: 'bench',
      secret: randomBytes(32),
      apiKey: API_KEY,
      // Generous limits: the benchmark measures the paths, not the policy.
      policy: {
        ...DEFAULT_POLICY,
        resendCooldownSeconds: 0,
        maxSendsPerHour: 1000,
        maxSendsPerDay: 1000,
        maxSendsPerPrefixPerHour: 100_000,
        maxSendsPerCountryPerHour: 100_000,
        maxSendsPerKeyPerHour: 1_000_000,
        maxSmsPerHour: 1_000_000,
      },
      instrument: (client: DynamoDBDocumentClient) => {
        meter = meterDynamo(client);
      },
    });
    const server = await startLocalServer({ port: 0, app, requestLog: false });
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
          body: JSON.stringify(body),
        });
      const users = Array.from({ length: USERS + WARMUP }, (_, i) => ({
        id: `bench-${i}`,
        phone: `+1415555${String(1000 + i).padStart(4, '0')}`,
      }));
      for (const u of users) await enrol(app, post, u.id, u.phone);

      const measure = async (
        label: string,
        op: (u: (typeof users)[number]) => Promise<Response>,
        expectStatus: number,
      ): Promise<Figures> => {
        const samples: number[] = [];
        const floor: number[] = [];
        const total = { calls: 0, rounds: 0, items: 0, writeUnits: 0, abuseUnits: 0 };
        for (const [i, u] of users.entries()) {
          const floorMs = await rawUpdate();
          const before = { ...meter };
          const { ms, value } = await timed(() => op(u));
          if (value.status !== expectStatus)
            throw new Error(`${label}: expected ${expectStatus}, got ${value.status}`);
          await value.arrayBuffer();
          if (i < WARMUP) continue;
          samples.push(ms);
          floor.push(floorMs);
          total.calls += meter.calls - before.calls;
          total.rounds += meter.rounds - before.rounds;
          total.items += meter.items - before.items;
          total.writeUnits += meter.writeUnits - before.writeUnits;
          total.abuseUnits += meter.abuseUnits - before.abuseUnits;
        }
        const n = samples.length;
        return {
          calls: total.calls / n,
          rounds: total.rounds / n,
          items: total.items / n,
          writeUnits: total.writeUnits / n,
          abuseUnits: total.abuseUnits / n,
          p50: percentile(samples, 50),
          p99: percentile(samples, 99),
          rawP50: percentile(floor, 50),
        };
      };

      const send = await measure('send', (u) => post(`/v1/users/${u.id}/challenges`, {}), 202);
      const wrong = await measure(
        'wrong verify',
        (u) => post(`/v1/users/${u.id}/verify`, { code: wrongCode(app.outbox, u.phone) }),
        422,
      );
      const right = await measure(
        'correct verify',
        (u) => post(`/v1/users/${u.id}/verify`, { code: lastCode(app.outbox, u.phone) }),
        200,
      );
      // Lock every user (four more wrong codes after a new challenge), then time the locked answer.
      for (const u of users) {
        await post(`/v1/users/${u.id}/challenges`, {});
        for (let i = 0; i < DEFAULT_POLICY.maxAttempts; i++)
          await post(`/v1/users/${u.id}/verify`, { code: wrongCode(app.outbox, u.phone) });
      }
      const locked = await measure(
        'locked verify',
        // The newest message is now the lock notice; any code will do, none is compared.
        (u) => post(`/v1/users/${u.id}/verify`, { code: '123456' }),
        423,
      );
      report({ send, right, wrong, locked });
    } finally {
      await server.close();
    }
    raw.destroy();
  } finally {
    await dynamo.stop();
  }
}

async function enrol(
  app: LocalApp,
  post: (path: string, body: unknown) => Promise<Response>,
  userId: string,
  phone: string,
): Promise<void> {
  const added = (await (
    await post(`/v1/users/${userId}/factors`, { type: 'sms', destination: phone })
  ).json()) as {
    factor: { factorId: string };
  };
  const activated = await post(`/v1/users/${userId}/factors/${added.factor.factorId}/activate`, {
    code: lastCode(app.outbox, phone),
  });
  if (activated.status !== 200) throw new Error(`enrolment failed: ${activated.status}`);
}

function lastCode(outbox: LocalApp['outbox'], phone: string): string {
  const body = outbox.list({ to: phone, limit: 1 })[0]?.body ?? '';
  return /\b\d{6}\b/.exec(body)?.[0] ?? '';
}

function wrongCode(outbox: LocalApp['outbox'], phone: string): string {
  const code = lastCode(outbox, phone);
  return code === '000000' ? '000001' : '000000';
}

function report(ops: { send: Figures; right: Figures; wrong: Figures; locked: Figures }): void {
  const row = (name: string, f: Figures, rounds: number, target?: number) =>
    [
      name.padEnd(15),
      `${f.calls.toFixed(2)} calls`,
      `${f.rounds.toFixed(2)} round trips (≤ ${rounds})`,
      `${f.items.toFixed(2)} items`,
      `${f.writeUnits.toFixed(2)} WU (${f.abuseUnits.toFixed(2)} of them abuse counters)`,
      `p50 ${fmt(f.p50).padStart(9)}`,
      `p99 ${fmt(f.p99).padStart(9)}`,
      `raw p50 ${fmt(f.rawP50)}`,
      `p50/raw ${(f.p50 / f.rawP50).toFixed(2)}x${target ? ` (≤ ${target}x)` : ''}`,
    ].join('  ');
  console.log(
    `\nAPI through the local server on DynamoDB Local (${USERS} users, ${WARMUP} warm-up, raw UpdateItem interleaved)`,
  );
  console.log(row('send', ops.send, 2, 4));
  console.log(row('correct verify', ops.right, 2, 3));
  console.log(row('wrong verify', ops.wrong, 2, 3));
  console.log(row('locked verify', ops.locked, 1));
  const flow = ops.send.writeUnits + ops.right.writeUnits;
  const abuse = ops.send.abuseUnits + ops.right.abuseUnits;
  console.log(
    `write units per send + correct verify: ${(flow - abuse).toFixed(2)} (goal ≤ 8), plus ${abuse.toFixed(2)} of the abuse limits' counters on an SMS (goal ≤ 4)`,
  );
}
