/**
 * Port: a user's remembered devices, each with its own life (docs/api.md, "Remembered devices").
 */
import type { AccountEvent } from '../domain/events';
import type { DeviceRecord } from '../domain/records';

export interface DeviceStore {
  getDevice(userId: string, deviceId: string, now: number): Promise<DeviceRecord | undefined>;
  listDevices(userId: string, now: number): Promise<readonly DeviceRecord[]>;
  /** Stamps `lastUsedAt` (best effort). */
  touchDevice(userId: string, deviceId: string, now: number): Promise<void>;
  /** Returns false when there was no such device. */
  revokeDevice(userId: string, deviceId: string, events: readonly AccountEvent[]): Promise<boolean>;
  /** Revokes every device of the user; returns how many there were. */
  revokeAllDevices(userId: string, now: number, events: readonly AccountEvent[]): Promise<number>;
}
