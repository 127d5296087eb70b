/**
 * The records the service keeps, as the domain sees them. Times are epoch
 * milliseconds inside the domain; the HTTP layer renders ISO strings.
 */
import type { DeliveryChannel, FactorType } from './channel';
import type { Ladder } from './fallback';

/**
 * Lockout and resend bookkeeping of one user (its state item). Attempts are taken
 * before a code is compared (see lockout.ts): `attempts` counts every attempt since
 * the last success, those still being judged included.
 */
export interface UserState {
  /** Attempts taken since the last success, across locks (the hard lock counts these). */
  readonly attempts: number;
  /** The attempt count at which the current window of attempts is used up. */
  readonly attemptLimit: number;
  /** Locks since the last success: the first is short, the next ones long. */
  readonly locks: number;
  /** When the current (or last) lock ends (ms). */
  readonly lockedUntil?: number;
  /** Locked until a support unlock. */
  readonly hardLocked: boolean;
  /** Changes with every success, lock and unlock: an attempt is given back only within its epoch. */
  readonly epoch: number;
  /** When the last attempt was taken (ms). */
  readonly lastAttemptAt?: number;
  /** Last send time (ms) per cooldown key. */
  readonly cooldowns: Readonly<Record<string, number>>;
  /** Bumped by every change to the set of factors (optimistic guard of the factor cap). */
  readonly factorsVersion: number;
  /** The live challenge id per slot: the one code a slot may have. */
  readonly live: Readonly<Record<string, string>>;
  /** The language (catalogue tag) the user last asked for in a request; notices are written in it. */
  readonly locale?: string;
}

export const EMPTY_STATE: UserState = {
  attempts: 0,
  attemptLimit: 0,
  locks: 0,
  hardLocked: false,
  epoch: 0,
  cooldowns: {},
  factorsVersion: 0,
  live: {},
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
  /** When the owner reported this code as unrequested (a report acts once). */
  readonly reportedAt?: number;
  /** Every hand-off of this code, oldest first; the last one is the current delivery. */
  readonly deliveries: readonly DeliveryAttempt[];
  /** The fallback ladder the challenge climbs, when it was asked for one (docs/api.md, "Fallback ladders"). */
  readonly fallback?: Ladder;
}

export interface RecoveryCodeSet {
  /** Keyed hashes of the unused codes. */
  readonly hashes: readonly string[];
  /** Keyed hashes of the codes of this set already accepted (a reuse answers `code_already_used`). */
  readonly used?: readonly string[];
  readonly generatedAt: number;
}

/** A stored answer to a request made with an `Idempotency-Key`. */
export interface IdempotentResponse {
  readonly key: string;
  /** Hash of the request (method, path, body) so a reused key with other content is caught. */
  readonly requestHash: string;
  /** A success's status; absent for a refusal, whose body is its problem (code, title, detail, extras). */
  readonly statusCode?: number;
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
  /** Whether the user has a state item at all (a first send creates it). */
  readonly stateExists: boolean;
  /** Attributes of the state item that have outlived their use (old cooldowns, buckets, challenges). */
  readonly stale: readonly string[];
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
