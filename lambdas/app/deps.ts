/**
 * What the use cases need from the outside world, as ports. One composition file
 * per runtime (lambdas/composition.ts for AWS, local/composition.ts for the local
 * server, test helpers for tests) fills this in.
 */
import type { MessagingConfig } from '../domain/messaging';
import type { Policy } from '../domain/policy';
import type { DeliveryChannel } from '../domain/channel';
import type { AccountErasure } from '../ports/account-erasure';
import type { ActivityStore } from '../ports/activity-store';
import type { DeviceStore } from '../ports/device-store';
import type { FactorStore } from '../ports/factor-store';
import type { MessageOutcomeStore } from '../ports/message-outcomes';
import type { NoticeStore } from '../ports/notice-store';
import type { OutcomeSink } from '../ports/outcomes';
import type { Clock } from '../ports/clock';
import type { DeliveryStore } from '../ports/delivery-store';
import type { LadderStore } from '../ports/ladder-store';
import type { Notifier } from '../ports/notifier';
import type { SecretBox, ServerSecret } from '../ports/secrets';
import type { Sender } from '../ports/sender';
import type { StepScheduler } from '../ports/step-scheduler';
import type { VerificationStateStore } from '../ports/verification-state';

export interface AppDeps {
  /** Persistence, one port per aggregate (docs/data-model.md). */
  readonly state: VerificationStateStore;
  readonly factors: FactorStore;
  readonly messages: MessageOutcomeStore;
  readonly devices: DeviceStore;
  readonly activity: ActivityStore;
  readonly notices: NoticeStore;
  readonly erasure: AccountErasure;
  /** Parcel deliveries and their door codes. */
  readonly deliveries: DeliveryStore;
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
