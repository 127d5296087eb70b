/**
 * The records the service keeps, as the domain sees them. Times are epoch
 * milliseconds inside the domain; the HTTP layer renders ISO strings.
 */
import type { DeliveryChannel, FactorType } from './channel';

/** Lockout and resend bookkeeping of one user. */
export interface UserState {
  /** Wrong codes since the last success or since the last lock began. */
  readonly failures: number;
  /** Wrong codes since the last success, across locks (for the hard lock). */
  readonly consecutiveFailures: number;
  /** Locks since the last success: the first is short, the next ones long. */
  readonly locks: number;
  /** When the current lock ends (ms); absent when not locked. */
  readonly lockedUntil?: number;
  /** Locked until a support unlock. */
  readonly hardLocked: boolean;
  /** Last send time (ms) per cooldown key. */
  readonly cooldowns: Readonly<Record<string, number>>;
  /** Bumped by every change to the set of factors (optimistic guard of the factor cap). */
  readonly factorsVersion: number;
}

export const EMPTY_STATE: UserState = {
  failures: 0,
  consecutiveFailures: 0,
  locks: 0,
  hardLocked: false,
  cooldowns: {},
  factorsVersion: 0,
};

export type FactorStatus = 'pending' | 'active';

export interface FactorRecord {
  readonly userId: string;
  readonly factorId: string;
  readonly type: FactorType;
  readonly status: FactorStatus;
  /** Whole destination (E.164 or email); never leaves the service. */
  readonly destination?: string;
  readonly destinationMasked?: string;
  readonly label?: string;
  readonly createdAt: number;
  readonly activatedAt?: number;
  readonly lastUsedAt?: number;
  /** Encrypted TOTP secret. */
  readonly secretCiphertext?: string;
  /** Last TOTP time step accepted (replay guard). */
  readonly lastTotpStep?: number;
  /** Drift, in time steps, of the last accepted TOTP code. */
  readonly totpDrift?: number;
}

export type ChallengeStatus = 'pending' | 'approved' | 'superseded' | 'canceled';
export type DeliveryStatus = 'sent' | 'delivered' | 'failed' | 'unknown';

export interface DeliveryAttempt {
  readonly channel: DeliveryChannel;
  readonly factorId: string;
  readonly at: number;
  readonly status: DeliveryStatus;
  readonly statusAt?: number;
}

export interface ChallengeRecord {
  readonly userId: string;
  readonly challengeId: string;
  readonly purpose: string;
  /** One current code per slot: the purpose, or `enroll:<factorId>` for enrolment. */
  readonly slot: string;
  /** The code is derived from this seed under the server secret; never stored itself. */
  readonly seed: string;
  readonly codeLength: number;
  readonly factorId: string;
  readonly channel: DeliveryChannel;
  readonly destinationMasked: string;
  readonly status: ChallengeStatus;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly approvedAt?: number;
  /** Every hand-off of this code, oldest first; the last one is the current delivery. */
  readonly deliveries: readonly DeliveryAttempt[];
}

export interface RecoveryCodeSet {
  /** Keyed hashes of the unused codes. */
  readonly hashes: readonly string[];
  readonly generatedAt: number;
}

/** A stored answer to a request made with an `Idempotency-Key`. */
export interface IdempotentResponse {
  readonly key: string;
  /** Hash of the request (method, path, body) so a reused key with other content is caught. */
  readonly requestHash: string;
  readonly statusCode: number;
  readonly body: string;
}

/** Everything the hot paths need about one user, read in one query. */
export interface UserSnapshot {
  readonly userId: string;
  readonly state: UserState;
  readonly factors: readonly FactorRecord[];
  readonly challenges: readonly ChallengeRecord[];
  readonly recovery?: RecoveryCodeSet;
  readonly idempotent: readonly IdempotentResponse[];
  /** Sends counted so far in the current hour and day buckets. */
  readonly sendCounts: { readonly hour: number; readonly day: number };
}

/** A challenge whose code is current: pending and unexpired. */
export function isCurrent(c: ChallengeRecord, now: number): boolean {
  return c.status === 'pending' && c.expiresAt > now;
}

export function slotOf(purpose: string, factorId: string): string {
  return purpose === 'enroll' ? `enroll:${factorId}` : purpose;
}

/** A remembered device: a verified sign-in may skip the challenge on it until `expiresAt`. */
export interface DeviceRecord {
  readonly userId: string;
  readonly deviceId: string;
  /** Keyed hash of the token's secret part; the token itself is shown once. */
  readonly tokenHash: string;
  readonly name?: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly lastUsedAt?: number;
}

/** docs/api.md, "Challenges": the factor named, else the active factor of the channel asked for, else the first active one. */
export function pickFactor(
  factors: readonly FactorRecord[],
  request: { factorId?: string; channel?: DeliveryChannel },
): (FactorRecord & { destination: string }) | undefined {
  const usable = factors.filter(
    (f): f is FactorRecord & { destination: string } =>
      f.status === 'active' && f.type !== 'totp' && f.destination !== undefined,
  );
  if (request.factorId !== undefined) return usable.find((f) => f.factorId === request.factorId);
  if (request.channel !== undefined) return usable.find((f) => f.type === request.channel);
  return usable[0];
}
