/**
 * Benchmark of the hot paths through the local HTTP server on DynamoDB Local:
 * DynamoDB requests per send, per correct and per wrong verify, and p50/p99
 * latency next to one raw UpdateItem on the same DynamoDB Local, measured in the
 * same run (it is the floor every figure is judged against).
 */
import { UpdateItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { ensureTable } from '../lambdas/adapters/dynamodb/table';
import { DEFAULT_POLICY } from '../lambdas/config/policy';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../local/dynamodb-local';
import { createLocalApp, type LocalApp } from '../local/local-app';
import { startLocalServer } from '../local/server';
import { fmt, percentile, timed } from './stats';

const USERS = Number(process.env.BENCH_USERS ?? 150);
const WARMUP = 20;
const API_KEY = 'bench-key';

interface Figures {
  readonly calls: number;
  readonly p50: number;
  readonly p99: number;
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
    const rawUpdate = await measureRawUpdate(raw);

    let calls = 0;
    const app = createLocalApp({
      endpoint: dynamo.endpoint,
      tableName: 'bench',
      secret: randomBytes(32),
      apiKey: API_KEY,
      // Generous limits: the benchmark measures the paths, not the policy.
      policy: { ...DEFAULT_POLICY, resendCooldownSeconds: 0, maxSendsPerHour: 1000, maxSendsPerDay: 1000 },
      instrument: (client: DynamoDBDocumentClient) =>
        client.middlewareStack.add(
          (next) => (args) => {
            calls++;
            return next(args);
          },
          { step: 'initialize', name: 'countCalls' },
        ),
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
      ) => {
        const samples: number[] = [];
        let counted = 0;
        for (const [i, u] of users.entries()) {
          const before = calls;
          const { ms, value } = await timed(() => op(u));
          if (value.status !== expectStatus)
            throw new Error(`${label}: expected ${expectStatus}, got ${value.status}`);
          await value.arrayBuffer();
          if (i < WARMUP) continue;
          samples.push(ms);
          counted += calls - before;
        }
        return {
          calls: counted / samples.length,
          p50: percentile(samples, 50),
          p99: percentile(samples, 99),
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
      report(rawUpdate, { send, right, wrong });
    } finally {
      await server.close();
    }
    raw.destroy();
  } finally {
    await dynamo.stop();
  }
}

async function measureRawUpdate(client: DynamoDBClient): Promise<Figures> {
  const samples: number[] = [];
  for (let i = 0; i < 300 + WARMUP; i++) {
    const { ms } = await timed(() =>
      client.send(
        new UpdateItemCommand({
          TableName: 'bench',
          Key: { pk: { S: `RAW#${i % 50}` }, sk: { S: 'RAW' } },
          UpdateExpression: 'ADD n :one',
          ExpressionAttributeValues: { ':one': { N: '1' } },
        }),
      ),
    );
    if (i >= WARMUP) samples.push(ms);
  }
  return { calls: 1, p50: percentile(samples, 50), p99: percentile(samples, 99) };
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

function report(raw: Figures, ops: { send: Figures; right: Figures; wrong: Figures }): void {
  const row = (name: string, f: Figures, target: number) =>
    `${name.padEnd(16)} ${f.calls.toFixed(2).padStart(5)} calls (≤ 2)  p50 ${fmt(f.p50).padStart(10)}  p99 ${fmt(f.p99).padStart(10)}  p50/raw ${(f.p50 / raw.p50).toFixed(2)}x (≤ ${target}x)`;
  console.log(`\nAPI latency through the local server on DynamoDB Local (${USERS} users, ${WARMUP} warm-up)`);
  console.log(`raw UpdateItem   p50 ${fmt(raw.p50)}  p99 ${fmt(raw.p99)}`);
  console.log(row('send', ops.send, 4));
  console.log(row('correct verify', ops.right, 3));
  console.log(row('wrong verify', ops.wrong, 3));
}
