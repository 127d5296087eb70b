/**
 * The local service without its HTTP listener: the same handlers as in AWS, wired
 * to DynamoDB Local and the development outbox, behind a dispatcher that turns
 * plain requests into API Gateway events. The local server and the HTTP-free
 * integration tests both use it.
 */
import type { OutcomeSink } from '../lambdas/ports/outcomes';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { hkdfSync, randomUUID } from 'node:crypto';
import { documentClient } from '../lambdas/adapters/dynamodb/client';
import { wireApp } from '../lambdas/wiring/wire-app';
import { Outbox, OutboxSender } from '../lambdas/adapters/outbox/outbox';
import { LocalSecretBox } from '../lambdas/adapters/secrets/local-secret-box';
import { StaticSecret } from '../lambdas/adapters/secrets/static-secret';
import type { AppDeps } from '../lambdas/app/deps';
import { runFallbackStep } from '../lambdas/app/fallback-step';
import type { Env } from '../lambdas/contract/env';
import { readMessagingConfig } from '../lambdas/contract/messaging-env';
import { readPolicy } from '../lambdas/contract/policy-env';
import { type Policy } from '../lambdas/domain/policy';
import type { DeliveryChannel } from '../lambdas/domain/channel';
import { MethodNotAllowedError, NotFoundError, type DomainError } from '../lambdas/domain/errors';
import { makeHandlers } from '../lambdas/handlers';
import type { Log } from '../lambdas/ports/log';
import { problemResponse } from '../lambdas/http/problem-response';
import type { Clock } from '../lambdas/ports/clock';
import { systemClock } from '../lambdas/ports/clock';
import type { RefusalReason } from '../lambdas/ports/sender';
import type { StepScheduler } from '../lambdas/ports/step-scheduler';
import { localKeyRing, parseLocalKeys } from '../lambdas/http/api-keys';
import { apiGatewayEvent } from './api-gateway-event';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './dynamodb-local';
import { matchRoute } from './router';
import { TimerStepScheduler } from './timer-step-scheduler';

export interface LocalAppOptions {
  readonly endpoint: string;
  readonly tableName: string;
  /** The HMAC server secret (≥ 32 bytes); the TOTP encryption key is derived from it. */
  readonly secret: Buffer;
  readonly apiKey: string;
  readonly env?: Env;
  readonly clock?: Clock;
  readonly policy?: Policy;
  readonly log?: Log;
  /** Sees the DynamoDB client before use (benchmarks count requests with it). */
  readonly instrument?: (client: DynamoDBDocumentClient) => void;
  /** Where the use cases' outcomes go (the business metrics in AWS). @default nowhere */
  readonly outcomes?: OutcomeSink;
  /** Simulated provider refusals, for exercising `delivery_failed` locally. */
  readonly refuse?: (to: string, channel: DeliveryChannel) => RefusalReason | undefined;
  /** Schedules fallback steps instead of the in-process timers (tests of a scheduler that fails). */
  readonly stepScheduler?: StepScheduler;
}

export interface PlainResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface LocalApp {
  readonly deps: AppDeps;
  readonly outbox: Outbox;
  /** The in-process timers that run fallback steps at their time. */
  readonly timers: TimerStepScheduler;
  dispatch(request: {
    method: string;
    path: string;
    query?: Record<string, string>;
    headers?: Record<string, string>;
    body?: string | null;
  }): Promise<PlainResponse>;
}

/** Logs nothing: for tests, where the console is the runner's. */
export const silentLog: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function createLocalApp(options: LocalAppOptions): LocalApp {
  const env = options.env ?? {};
  const clock = options.clock ?? systemClock;
  const policy = options.policy ?? readPolicy(env);
  const outbox = new Outbox({ clock });
  const sender = new OutboxSender(outbox, options.refuse ? { refuse: options.refuse } : {});
  const client = documentClient({
    endpoint: options.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  options.instrument?.(client);
  const senders = { sms: sender, voice: sender, email: sender };
  const messaging = readMessagingConfig(env);
  const log = options.log ?? silentLog;
  const timers = new TimerStepScheduler(clock, log);
  const deps = wireApp({
    client,
    tableName: options.tableName,
    steps: options.stepScheduler ?? timers,
    policy,
    messaging,
    senders,
    clock,
    secret: new StaticSecret(options.secret),
    secretBox: new LocalSecretBox(
      Buffer.from(hkdfSync('sha256', options.secret, Buffer.alloc(0), 'onetime totp secrets', 32)),
    ),
    log,
    ...(options.outcomes ? { outcomes: options.outcomes } : {}),
  });
  const keys = localKeyRing(options.apiKey, parseLocalKeys(env.ONETIME_API_KEYS));
  const handlers = makeHandlers(deps, { log, keys });
  // A timer runs what the step function runs in AWS.
  timers.bind((step) => runFallbackStep(deps, step, { onRefusal: 'skip' }));

  return {
    deps,
    outbox,
    timers,
    async dispatch(request) {
      const path = request.path;
      const match = matchRoute(request.method, path);
      if (match.kind === 'not_found') return problemPlain(new NotFoundError('No such route.'));
      if (match.kind === 'method_not_allowed') return methodNotAllowed(match.allowed.join(', '));
      const event = apiGatewayEvent({
        method: request.method,
        path,
        resource: match.route.resource,
        pathParameters: match.pathParameters,
        query: request.query ?? {},
        headers: request.headers ?? {},
        body: request.body ?? null,
      });
      const result = await handlers[match.route.fn](event, lambdaContext(match.route.fn));
      return plain(result);
    },
  };
}

/** A handler's answer as the server writes it: header names in lower case, values as strings. */
export function plain(result: {
  statusCode: number;
  headers?: Record<string, unknown>;
  body: string;
}): PlainResponse {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
  return { statusCode: result.statusCode, headers, body: result.body };
}

export function problemPlain(error: DomainError): PlainResponse {
  return plain(problemResponse(error));
}

/** 405 with the `Allow` header, as API Gateway's mock answers it. */
export function methodNotAllowed(allow: string): PlainResponse {
  const response = problemPlain(new MethodNotAllowedError('This method is not allowed here.'));
  return { ...response, headers: { ...response.headers, allow } };
}

function lambdaContext(fn: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `onetime-local-${fn}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:onetime-local-${fn}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/onetime-local-${fn}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
