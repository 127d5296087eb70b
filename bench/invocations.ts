/**
 * Warm-invocation benchmark (issue 9): runs the deployed bundles as Lambda runs
 * them and prints, per function, the bundle's size, its module init over bare node
 * and the CPU one warm invocation costs, against the goals (send ≤ 5 ms, verify
 * ≤ 2.5 ms, bundle ≤ 400 KiB, init ≤ 80 ms). Figures are printed, never asserted.
 *
 * "As Lambda runs them": each function is its bundle (built with the stack's options,
 * SDK bundled as deployed) in a process of its own whose only other modules are the
 * stack's library layer and the SDK clients a runtime provides; its environment is
 * the synthesized template's, intrinsics replaced by local stand-ins; it is invoked
 * with API Gateway REST proxy events and a Lambda context, talks to DynamoDB Local,
 * and to a stub of Secrets Manager and SNS (bench/aws-stub.ts) in this process. CPU
 * is `process.cpuUsage()` (user + system) of the function's process around each
 * invocation, after warm-up invocations have opened its connections.
 *
 * The abuse limits are raised (as bench/api-latency.ts does) so that hundreds of
 * sends from one machine are let through; the counters are still written.
 * `BENCH_CPU_PROF=<dir>` writes a V8 CPU profile of each function's process there.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { App } from 'aws-cdk-lib';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ensureTable } from '../lambdas/adapters/dynamodb/table';
import { entryFile } from '../lambdas/contract/routes';
import { apiGatewayEvent } from '../local/api-gateway-event';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../local/dynamodb-local';
import { buildOnetime } from '../lib/app';
import { NODE_OPTIONS } from '../lib/bundling';
import { pascal } from '../lib/functions';
import { startAwsStub, type AwsStub } from './aws-stub';
import { startFunction, type Running } from './lambda-process';
import { buildBundle, buildLayer, INIT_TARGET_MS, OUT_DIR, runNode, SIZE_TARGET_KIB } from './bundles';
import { COLD_START_ENV } from './cold-start-env';
import { median } from './stats';

const ROOT = path.resolve(__dirname, '..');
const TABLE = 'onetime-bench-invocations';
const SEND_TARGET_MS = 5;
const VERIFY_TARGET_MS = 2.5;
/** The functions on the measured paths: enrolment (not measured), send and verify. */
const FUNCTIONS = ['factors', 'challenges', 'verify'] as const;
type Fn = (typeof FUNCTIONS)[number];

/** Generous limits: the benchmark measures the paths, not the policy. */
const BENCH_POLICY_ENV: Readonly<Record<string, string>> = {
  ONETIME_RESEND_COOLDOWN_SECONDS: '0',
  ONETIME_MAX_SENDS_PER_HOUR: '1000',
  ONETIME_MAX_SENDS_PER_DAY: '1000',
  ONETIME_MAX_SENDS_PER_PREFIX_PER_HOUR: '100000',
  ONETIME_MAX_SENDS_PER_COUNTRY_PER_HOUR: '100000',
  ONETIME_MAX_SENDS_PER_IP_PER_HOUR: '100000',
  ONETIME_MAX_SENDS_PER_KEY_PER_HOUR: '1000000',
  ONETIME_MAX_SMS_PER_HOUR: '1000000',
};

/** The function's environment in the synthesized template, intrinsics replaced by local stand-ins. */
function templateEnvironments(): Map<Fn, Record<string, string>> {
  const app = new App({
    context: { ...cdkContext(), [BUNDLING_STACKS]: [], smsAllowedCountries: '*' },
  });
  const stack = buildOnetime(app, { nag: false });
  const resources = app.synth().getStackArtifact(stack.artifactId).template as {
    Resources: Record<string, { Type: string; Properties?: { Environment?: { Variables?: object } } }>;
  };
  const out = new Map<Fn, Record<string, string>>();
  for (const fn of FUNCTIONS) {
    const entry = Object.entries(resources.Resources).find(
      ([id, r]) => r.Type === 'AWS::Lambda::Function' && id.startsWith(`Functions${pascal(fn)}`),
    );
    if (!entry) throw new Error(`no function ${fn} in the template`);
    const variables = (entry[1].Properties?.Environment?.Variables ?? {}) as Record<string, unknown>;
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(variables)) {
      if (typeof value === 'string') env[key] = value;
      else if (key === 'TABLE_NAME') env[key] = TABLE;
      else env[key] = COLD_START_ENV[key] ?? `https://bench.example.com/${key.toLowerCase()}`;
    }
    out.set(fn, env);
  }
  return out;
}

function cdkContext(): Record<string, unknown> {
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return json.context ?? {};
}

function post(resource: string, pathParameters: Record<string, string>, body: unknown, sourceIp: string) {
  let p = resource;
  for (const [k, v] of Object.entries(pathParameters)) p = p.replace(`{${k}}`, encodeURIComponent(v));
  return apiGatewayEvent({
    method: 'POST',
    path: p,
    resource,
    pathParameters,
    query: {},
    headers: { 'content-type': 'application/json', 'x-api-key': 'bench', 'user-agent': 'onetime-bench' },
    body: JSON.stringify(body),
    sourceIp,
  });
}

const codeIn = (text: string | undefined) => /\b\d{6}\b/.exec(text ?? '')?.[0] ?? '';

export interface InvocationBenchOptions {
  /** Users enrolled and measured (each: one send, one wrong verify, one correct verify). @default 300 */
  readonly users?: number;
  /** Of those, the first ones only warm the functions up. @default 30 */
  readonly warmup?: number;
}

export async function benchInvocations(options: InvocationBenchOptions = {}): Promise<void> {
  const users = options.users ?? Number(process.env.BENCH_INVOCATION_USERS ?? 300);
  const warmup = options.warmup ?? Math.min(30, Math.floor(users / 5));
  console.log(
    `\nWarm invocations of the deployed bundles (SDK bundled, layer, template environment, API Gateway REST events, DynamoDB Local; ${users - warmup} users after ${warmup} warm-up)`,
  );
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const layer = buildLayer();
  const environments = templateEnvironments();
  const bundles = new Map<Fn, string>();
  for (const fn of FUNCTIONS) bundles.set(fn, (await buildBundle(fn, entryFile(fn), 'bundled')).outfile);

  // Module init over bare node, as bench/bundles.ts measures it: fresh processes that load the bundle.
  const initRuns = Number(process.env.BENCH_BUNDLE_RUNS ?? 11);
  const bare: number[] = [];
  const init = new Map<Fn, number[]>();
  runNode(['-e', '']);
  for (let i = 0; i < initRuns; i++) {
    bare.push(runNode(['-e', '']).ms);
    for (const fn of FUNCTIONS)
      init.set(fn, [...(init.get(fn) ?? []), runNode([NODE_OPTIONS, bundles.get(fn)!]).ms]);
  }

  const dynamo = await startDynamoDbLocal();
  const stub: AwsStub = await startAwsStub(randomBytes(32).toString('hex'));
  const running = new Map<Fn, Running>();
  try {
    const raw = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    await ensureTable(raw, TABLE);
    raw.destroy();
    for (const fn of FUNCTIONS) {
      const started = await startFunction(
        fn,
        bundles.get(fn)!,
        environments.get(fn)!,
        { dynamodb: dynamo.endpoint, stub: stub.endpoint },
        BENCH_POLICY_ENV,
      );
      running.set(fn, started.running);
    }
    const call = async (fn: Fn, event: APIGatewayProxyEvent, status: number) => {
      const done = await running.get(fn)!.invoke(event);
      if (done.result.statusCode !== status)
        throw new Error(`${fn}: expected ${status}, got ${done.result.statusCode} ${done.result.body}`);
      return done;
    };

    const cpu = { send: [] as number[], wrong: [] as number[], right: [] as number[] };
    const run = randomUUID().slice(0, 8);
    for (let i = 0; i < users; i++) {
      const userId = `bench-${run}-${i}`;
      const phone = `+1415555${String(1000 + (i % 9000)).padStart(4, '0')}`;
      const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      const added = await call(
        'factors',
        post('/v1/users/{userId}/factors', { userId }, { type: 'sms', destination: phone }, ip),
        201,
      );
      const { factor } = JSON.parse(added.result.body) as { factor: { factorId: string } };
      await call(
        'factors',
        post(
          '/v1/users/{userId}/factors/{factorId}/activate',
          { userId, factorId: factor.factorId },
          { code: codeIn(stub.lastSms(phone)) },
          ip,
        ),
        200,
      );
      const send = await call('challenges', post('/v1/users/{userId}/challenges', { userId }, {}, ip), 202);
      const code = codeIn(stub.lastSms(phone));
      const wrong = await call(
        'verify',
        post('/v1/users/{userId}/verify', { userId }, { code: code === '000000' ? '000001' : '000000' }, ip),
        422,
      );
      const right = await call('verify', post('/v1/users/{userId}/verify', { userId }, { code }, ip), 200);
      if (i < warmup) continue;
      cpu.send.push(send.cpuMs);
      cpu.wrong.push(wrong.cpuMs);
      cpu.right.push(right.cpuMs);
    }

    const bareMs = median(bare);
    const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const mark = (value: number, target: number) => (value <= target ? 'ok' : 'over');
    console.log(
      `  bare node -e '': ${bareMs.toFixed(1)} ms (Node ${process.versions.node}); layer: ${layer.map((m) => m.module.specifier).join(', ')}`,
    );
    console.log(
      `  ${'function'.padEnd(11)} ${'KiB'.padStart(7)}  ${'init ms'.padStart(8)}  ${'invocation'.padEnd(15)} ${'CPU ms median'.padStart(13)}  ${'mean'.padStart(6)}  goal`,
    );
    const rows: Array<[Fn, string, number[], number]> = [
      ['challenges', 'send', cpu.send, SEND_TARGET_MS],
      ['verify', 'verify (right)', cpu.right, VERIFY_TARGET_MS],
      ['verify', 'verify (wrong)', cpu.wrong, VERIFY_TARGET_MS],
    ];
    for (const [fn, label, samples, target] of rows) {
      const kib = fs.statSync(bundles.get(fn)!).size / 1024;
      const initMs = median(init.get(fn)!) - bareMs;
      const m = median(samples);
      console.log(
        `  ${fn.padEnd(11)} ${kib.toFixed(1).padStart(7)} ${mark(kib, SIZE_TARGET_KIB).padEnd(4)} ${initMs.toFixed(1).padStart(5)} ${mark(initMs, INIT_TARGET_MS).padEnd(4)} ${label.padEnd(15)} ${m.toFixed(2).padStart(13)}  ${mean(samples).toFixed(2).padStart(6)}  ≤ ${target} ms ${mark(m, target)}`,
      );
    }
  } finally {
    for (const r of running.values()) await r.stop();
    await stub.close();
    await dynamo.stop();
  }
}

// `npx tsx bench/invocations.ts` runs this benchmark alone.
if (require.main === module) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  benchInvocations().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
