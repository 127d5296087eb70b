/**
 * Port: the account side of persistence: remembered devices, the event history,
 * notification rate limits, reports of unrequested codes, and erasure. Kept apart
 * from Store, whose methods serve the send/verify hot paths.
 */
import type { AccountEvent } from '../domain/events';
import type { DeviceRecord } from '../domain/records';

export interface EventPage {
  readonly events: readonly AccountEvent[];
  /** Opaque; absent on the last page. */
  readonly nextCursor?: string;
}

export interface AccountStore {
  getDevice(userId: string, deviceId: string, now: number): Promise<DeviceRecord | undefined>;
  listDevices(userId: string, now: number): Promise<readonly DeviceRecord[]>;
  /** Stamps `lastUsedAt` (best effort). */
  touchDevice(userId: string, deviceId: string, now: number): Promise<void>;
  /** Returns false when there was no such device. */
  revokeDevice(userId: string, deviceId: string, events: readonly AccountEvent[]): Promise<boolean>;
  /** Revokes every device of the user; returns how many there were. */
  revokeAllDevices(userId: string, now: number, events: readonly AccountEvent[]): Promise<number>;

  listEvents(userId: string, page: { limit: number; cursor?: string }, now: number): Promise<EventPage>;
  recordEvents(events: readonly AccountEvent[]): Promise<void>;

  /** True if this notice may be sent now (none of this kind in the window); claims the window atomically. */
  claimNotice(userId: string, kind: string, now: number, windowMs: number): Promise<boolean>;

  /** Deletes every record of the user: state, factors, challenges, recovery codes, devices, events, deliveries. */
  eraseUser(userId: string): Promise<void>;
}
