/**
 * What the use cases need from the outside world, as ports. One composition file
 * per runtime (lambdas/composition.ts for AWS, local/composition.ts for the local
 * server, test helpers for tests) fills this in.
 */
import type { MessagingConfig } from '../config/messaging';
import type { Policy } from '../config/policy';
import type { DeliveryChannel } from '../domain/channel';
import type { AccountStore } from '../ports/account-store';
import type { Clock } from '../ports/clock';
import type { DeliveryStore } from '../ports/delivery-store';
import type { LadderStore } from '../ports/ladder-store';
import type { Notifier } from '../ports/notifier';
import type { SecretBox, ServerSecret } from '../ports/secrets';
import type { Sender } from '../ports/sender';
import type { StepScheduler } from '../ports/step-scheduler';
import type { Store } from '../ports/store';

export interface AppDeps {
  readonly store: Store;
  readonly accounts: AccountStore;
  readonly deliveries: DeliveryStore;
  /** Fallback steps' changes that send nothing (skipped, unscheduled, canceled). */
  readonly ladders: LadderStore;
  /** Runs fallback steps at their time (EventBridge Scheduler in AWS, a timer locally). */
  readonly steps: StepScheduler;
  /** Security notices to the owner; best effort, never fails a request. */
  readonly notifier: Notifier;
  readonly senders: Readonly<Record<DeliveryChannel, Sender>>;
  readonly clock: Clock;
  readonly secret: ServerSecret;
  readonly secretBox: SecretBox;
  readonly policy: Policy;
  readonly messaging: MessagingConfig;
  /** New sortable unique ids (ULIDs). */
  readonly newId: () => string;
}
