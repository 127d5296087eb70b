/**
 * One function as Lambda runs it, for bench/invocations.ts: its bundle in a process
 * of its own (the runtime's environment variables, a Lambda context, the trace
 * header set before each invocation), invoked over IPC, reporting the CPU
 * (`process.cpuUsage()`, user + system) and wall time of each invocation.
 * `BENCH_CPU_PROF=<dir>` writes a V8 CPU profile of the process there.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { LOCAL_REGION } from '../local/dynamodb-local';
import { NODE_OPTIONS } from '../lib/bundling';
import { OUT_DIR } from './bundles';

/** The process a function runs in: imports the bundle, then answers invocations over IPC. */
const RUNNER = `
import { randomBytes, randomUUID } from 'node:crypto';
const started = performance.now();
const { handler } = await import(process.argv[2]);
process.send({ type: 'ready', importMs: performance.now() - started });
process.on('message', async (msg) => {
  if (msg.type === 'exit') { process.disconnect(); return; }
  const requestId = randomUUID();
  // As the runtime does before each invocation: the trace header of this request.
  process.env._X_AMZN_TRACE_ID = 'Root=1-' + Math.floor(Date.now() / 1000).toString(16) + '-' + randomBytes(12).toString('hex') + ';Parent=' + randomBytes(8).toString('hex') + ';Sampled=1';
  const context = {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:' + process.env.AWS_LAMBDA_FUNCTION_NAME,
    memoryLimitInMB: '512', awsRequestId: requestId, logGroupName: 'bench', logStreamName: 'bench',
    callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 10000,
    done() {}, fail() {}, succeed() {},
  };
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const result = await handler(msg.event, context);
  const used = process.cpuUsage(cpu);
  process.send({ type: 'result', id: msg.id, result, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall });
});
`;

export interface Invocation {
  readonly result: APIGatewayProxyResult;
  readonly cpuMs: number;
  readonly wallMs: number;
}

export interface Running {
  readonly child: ChildProcess;
  invoke(event: APIGatewayProxyEvent): Promise<Invocation>;
  stop(): Promise<void>;
}

type FromChild =
  | { type: 'ready'; importMs: number }
  | { type: 'result'; id: number; result: APIGatewayProxyResult; cpuMs: number; wallMs: number };

export async function startFunction(
  fn: string,
  bundle: string,
  env: Record<string, string>,
  endpoints: { dynamodb: string; stub: string },
  /** Set last, over the template's: the benchmark's own settings. */
  overrides: Readonly<Record<string, string>> = {},
): Promise<{ running: Running; importMs: number }> {
  const runner = path.join(OUT_DIR, 'invocation-runner.mjs');
  fs.writeFileSync(runner, RUNNER);
  const profileDir = process.env.BENCH_CPU_PROF;
  const child = fork(runner, [bundle], {
    cwd: OUT_DIR,
    execArgv: [
      NODE_OPTIONS,
      ...(profileDir
        ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`, `--cpu-prof-name=${fn}.cpuprofile`]
        : []),
    ],
    env: {
      PATH: process.env.PATH ?? '',
      ...env,
      AWS_REGION: LOCAL_REGION,
      AWS_DEFAULT_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_SESSION_TOKEN: 'bench',
      AWS_LAMBDA_FUNCTION_NAME: `onetime-${fn}`,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      LAMBDA_TASK_ROOT: path.dirname(bundle),
      AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.stub,
      AWS_ENDPOINT_URL_SNS: endpoints.stub,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...overrides,
    },
    // Logs and EMF metrics are written as in Lambda, to a pipe nobody reads here.
    // Its stderr (Powertools' warnings included) is kept to explain a failure.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  let nextId = 0;
  const waiting = new Map<number, (value: Invocation) => void>();
  const ready = new Promise<number>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`${fn} exited with ${code} before it was ready: ${stderr}`)),
    );
    child.on('message', (msg: FromChild) => {
      if (msg.type === 'ready') resolve(msg.importMs);
      else waiting.get(msg.id)?.(msg);
    });
  });
  const importMs = await ready;
  const running: Running = {
    child,
    invoke: (event) =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, (value) => {
          waiting.delete(id);
          resolve(value);
        });
        child.send({ type: 'invoke', id, event });
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'exit' });
      }),
  };
  return { running, importMs };
}
