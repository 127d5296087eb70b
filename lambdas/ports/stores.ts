/**
 * Every persistence port the use cases need, one per aggregate (docs/data-model.md):
 * what an adapter set (DynamoDB today) provides and what AppDeps carries.
 */
import type { AccountErasure } from './account-erasure';
import type { ActivityStore } from './activity-store';
import type { DeliveryStore } from './delivery-store';
import type { DeviceStore } from './device-store';
import type { FactorStore } from './factor-store';
import type { MessageOutcomeStore } from './message-outcomes';
import type { NoticeStore } from './notice-store';
import type { VerificationStateStore } from './verification-state';

export interface Stores {
  readonly state: VerificationStateStore;
  readonly factors: FactorStore;
  readonly messages: MessageOutcomeStore;
  readonly devices: DeviceStore;
  readonly activity: ActivityStore;
  readonly notices: NoticeStore;
  readonly erasure: AccountErasure;
  /** Parcel deliveries and their door codes. */
  readonly deliveries: DeliveryStore;
}
