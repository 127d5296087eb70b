/**
 * Remembered devices: a verified sign-in may return a device token that skips
 * the challenge on that device for `ONETIME_DEVICE_TTL_DAYS`. The token is
 * `<deviceId>.<secret>`; only a keyed hash of the secret is stored, and a check
 * answers trusted or not without saying why.
 */
import { randomBytes } from 'node:crypto';
import { keyedHash, safeEqual } from '../domain/codes';
import { NotFoundError } from '../domain/errors';
import type { RequestContext } from '../domain/events';
import type { DeviceRecord } from '../domain/records';
import type { AppDeps } from './deps';
import { newEvent } from './events';
import { iso, type Reply } from './reply';

export interface IssuedDevice {
  readonly record: DeviceRecord;
  readonly token: string;
}

export function issueDevice(
  deps: Pick<AppDeps, 'newId' | 'policy'>,
  key: Buffer,
  userId: string,
  now: number,
  name?: string,
): IssuedDevice {
  const deviceId = deps.newId();
  // 256 bits of randomness: the token is a bearer credential.
  const secret = randomBytes(32).toString('base64url');
  return {
    token: `${deviceId}.${secret}`,
    record: {
      userId,
      deviceId,
      tokenHash: keyedHash(key, 'device', secret),
      ...(name !== undefined ? { name } : {}),
      createdAt: now,
      expiresAt: now + deps.policy.deviceTtlDays * 86_400_000,
    },
  };
}

export async function verifyDevice(deps: AppDeps, userId: string, token: string): Promise<Reply> {
  const untrusted: Reply = { statusCode: 200, body: { trusted: false } };
  const [deviceId, secret, ...rest] = token.split('.');
  if (!deviceId || !secret || rest.length > 0 || !/^[A-Za-z0-9]{1,64}$/.test(deviceId)) return untrusted;
  const now = deps.clock.now();
  const key = await deps.secret.hmacKey();
  const device = await deps.devices.getDevice(userId, deviceId, now);
  // The hash is compared even when there is no device, so timing says nothing either.
  const matches = safeEqual(keyedHash(key, 'device', secret), device?.tokenHash ?? '');
  // The record's TTL is in whole seconds; the token's life ends at its exact expiry.
  if (!device || !matches || device.expiresAt <= now) return untrusted;
  await deps.devices.touchDevice(userId, deviceId, now);
  return { statusCode: 200, body: { trusted: true, deviceId, expiresAt: iso(device.expiresAt) } };
}

export function deviceView(d: DeviceRecord) {
  return {
    deviceId: d.deviceId,
    ...(d.name !== undefined ? { name: d.name } : {}),
    createdAt: iso(d.createdAt),
    expiresAt: iso(d.expiresAt),
    ...(d.lastUsedAt !== undefined ? { lastUsedAt: iso(d.lastUsedAt) } : {}),
  };
}

export async function listDevices(deps: AppDeps, userId: string): Promise<Reply> {
  const now = deps.clock.now();
  const devices = (await deps.devices.listDevices(userId, now)).filter((d) => d.expiresAt > now);
  return { statusCode: 200, body: { devices: devices.map(deviceView) } };
}

export async function revokeDevice(
  deps: AppDeps,
  userId: string,
  deviceId: string,
  context?: RequestContext,
): Promise<Reply> {
  const now = deps.clock.now();
  const notFound = new NotFoundError('No such remembered device for this user.');
  // An expired device is absent, even while its record waits for DynamoDB's TTL deletion.
  const device = await deps.devices.getDevice(userId, deviceId, now);
  if (!device || device.expiresAt <= now) throw notFound;
  const revoked = await deps.devices.revokeDevice(userId, deviceId, [
    newEvent(deps, userId, 'device_revoked', now, { context }),
  ]);
  if (!revoked) throw notFound;
  return { statusCode: 204, body: undefined };
}

/** Revokes every remembered device (factor removed, codes regenerated, unrequested code reported). */
export async function revokeAllDevices(
  deps: AppDeps,
  userId: string,
  context?: RequestContext,
): Promise<void> {
  const now = deps.clock.now();
  await deps.devices.revokeAllDevices(userId, now, [
    newEvent(deps, userId, 'device_revoked', now, { context }),
  ]);
}
