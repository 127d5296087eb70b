/**
 * What the use cases need from the outside world, as ports. One composition file
 * per runtime (lambdas/composition.ts for AWS, local/composition.ts for the local
 * server, test helpers for tests) fills this in.
 */
import type { MessagingConfig } from '../domain/messaging';

import type { Policy } from '../domain/policy';

import type { DeliveryChannel } from '../domain/channel';

import type { OutcomeSink } from '../ports/outcomes';

import type { Clock } from '../ports/clock';

import type { LadderStore } from '../ports/ladder-store';

import type { Notifier } from '../ports/notifier';

import type { SecretBox, ServerSecret } from '../ports/secrets';

import type { Sender } from '../ports/sender';

import type { StepScheduler } from '../ports/step-scheduler';

import type { Stores } from '../ports/stores';

/** Persistence (one port per aggregate, ports/stores.ts) and the rest of the outside world. */
export interface AppDeps extends Stores {
  /** Fallback steps' changes that send nothing (skipped, unscheduled, canceled). */
  readonly ladders: LadderStore;
  /** Runs fallback steps at their time (EventBridge Scheduler in AWS, a timer locally). */
  readonly steps: StepScheduler;
  /** Security notices to the owner; best effort, never fails a request. */
  readonly notifier: Notifier;
  readonly senders: Readonly<Record<DeliveryChannel, Sender>>;
  /** What happened, for the business metrics. */
  readonly outcomes: OutcomeSink;
  readonly clock: Clock;
  readonly secret: ServerSecret;
  readonly secretBox: SecretBox;
  readonly policy: Policy;
  readonly messaging: MessagingConfig;
  /** New sortable unique ids (ULIDs). */
  readonly newId: () => string;
}
