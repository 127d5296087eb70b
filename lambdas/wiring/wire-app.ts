/**
 * The one wiring of the use cases: given a DynamoDB client and the runtime's own
 * adapters (senders, secrets, clock, log), builds every dependency the same way for
 * AWS (lambdas/wiring/aws.ts), the local server and the tests, so what runs locally
 * is what is deployed.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { storeOptions } from '../adapters/dynamodb/store-options';
import { DynamoDbLadderStore } from '../adapters/dynamodb/dynamodb-ladder-store';
import { dynamoDbStores } from '../adapters/dynamodb/stores';
import type { AppDeps } from '../app/deps';
import { OwnerNotifier } from '../app/owner-notifier';
import type { MessagingConfig } from '../domain/messaging';
import type { Policy } from '../domain/policy';
import type { Clock } from '../ports/clock';
import type { Log } from '../ports/log';
import { ignoreOutcomes, type OutcomeSink } from '../ports/outcomes';
import type { Sender } from '../ports/sender';
import type { DeliveryChannel } from '../domain/channel';
import type { SecretBox, ServerSecret } from '../ports/secrets';
import { pooledUlidFactory } from '../adapters/ids/pooled-random';
import type { StepScheduler } from '../ports/step-scheduler';

export interface RuntimeParts {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly policy: Policy;
  readonly messaging: MessagingConfig;
  readonly senders: Readonly<Record<DeliveryChannel, Sender>>;
  readonly clock: Clock;
  readonly secret: ServerSecret;
  readonly secretBox: SecretBox;
  readonly log: Log;
  /** Runs fallback steps at their time (EventBridge Scheduler in AWS, in-process timers locally). */
  readonly steps: StepScheduler;
  /** @default none recorded */
  readonly outcomes?: OutcomeSink;
  /** @default a monotonic ULID factory */
  readonly newId?: () => string;
}

export function wireApp(parts: RuntimeParts): AppDeps {
  const { policy, messaging, senders, clock, secret, log } = parts;
  const stores = dynamoDbStores(parts.client, { tableName: parts.tableName, ...storeOptions(policy) });
  const newId = parts.newId ?? pooledUlidFactory();
  const notifier = new OwnerNotifier({
    state: stores.state,
    notices: stores.notices,
    activity: stores.activity,
    senders,
    clock,
    messaging,
    log,
    secret,
    policy,
    newId,
  });
  return {
    ...stores,
    ladders: new DynamoDbLadderStore(parts.client, parts.tableName),
    steps: parts.steps,
    notifier,
    senders,
    outcomes: parts.outcomes ?? ignoreOutcomes,
    clock,
    secret,
    secretBox: parts.secretBox,
    policy,
    messaging,
    newId,
  };
}
