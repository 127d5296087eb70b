/**
 * Port: the persistence the use cases need. Each method is one round trip to the
 * database and enforces its guarantees atomically (in DynamoDB: conditional writes
 * and transactions). A method that finds its preconditions broken by a concurrent
 * request returns the fresh facts instead of throwing, so the caller can decide
 * again; a database that fails throws StoreUnavailableError.
 */
import type { AccountEvent } from '../domain/events';
import type { FailurePlan } from '../domain/lockout';
import type {
  ChallengeRecord,
  DeliveryAttempt,
  DeliveryStatus,
  DeviceRecord,
  FactorRecord,
  IdempotentResponse,
  RecoveryCodeSet,
  UserSnapshot,
  UserState,
} from '../domain/records';

export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

export interface SendCounters {
  /** Keyed hash of the destination: per-destination caps without storing it in a key. */
  readonly destinationHash: string;
  readonly hourBucket: number;
  readonly dayBucket: number;
  readonly maxPerHour: number;
  readonly maxPerDay: number;
}

export interface IdempotencyRecord extends IdempotentResponse {
  readonly expiresAt: number;
}

export interface SendReservation {
  readonly userId: string;
  readonly now: number;
  /** The cooldown attribute to check and stamp; sends before `cooldownCutoff` are outside it. */
  readonly cooldownKey: string;
  readonly cooldownCutoff: number;
  /** A brand-new code, or one more delivery of the current one. */
  readonly challenge:
    | { readonly kind: 'new'; readonly record: ChallengeRecord; readonly supersedes?: string }
    | { readonly kind: 'reuse'; readonly challengeId: string; readonly delivery: DeliveryAttempt };
  /** Set when the send enrols a new factor (guarded by the factor cap). */
  readonly newFactor?: { readonly record: FactorRecord; readonly expectFactorsVersion: number };
  readonly counters: SendCounters;
  /** The language the caller asked for, kept on the user's state for later notices. @default unchanged */
  readonly locale?: string;
  readonly retentionSeconds: number;
  readonly events: readonly AccountEvent[];
  readonly idempotency?: IdempotencyRecord;
}

/** Why a send was refused by a cooldown or one of the send caps. */
export type SendRefusalReason =
  'cooldown' | 'user_hour' | 'user_day' | 'destination_hour' | 'destination_day';

export type SendRefusal =
  | { readonly ok: false; readonly reason: SendRefusalReason | 'locked' | 'conflict' }
  | { readonly ok: false; readonly reason: 'idempotent'; readonly response: IdempotentResponse };

export type SendReservationResult = { readonly ok: true } | SendRefusal;

export interface Acceptance {
  readonly userId: string;
  readonly now: number;
  /** What makes this code acceptable exactly once. */
  readonly target:
    | { readonly kind: 'challenge'; readonly challengeId: string }
    | { readonly kind: 'recovery_code'; readonly hash: string }
    | { readonly kind: 'totp'; readonly factorId: string; readonly timeStep: number; readonly drift: number };
  /** The factor to stamp `lastUsedAt` on (and to activate when `activate`). */
  readonly factorId?: string;
  readonly activate?: boolean;
  /** A device to remember, created with the acceptance (`rememberDevice`). */
  readonly rememberDevice?: DeviceRecord;
  /** A first recovery code set, created only if the user has none. */
  readonly issueRecoveryCodes?: RecoveryCodeSet;
  readonly events: readonly AccountEvent[];
}

export type AcceptOutcome =
  | { readonly ok: true; readonly recoveryCodesIssued: boolean }
  | { readonly ok: false; readonly reason: 'locked'; readonly state: UserState }
  /** The code was valid when read but is no longer acceptable (used, replaced, expired). */
  | { readonly ok: false; readonly reason: 'target_changed' };

export type FailureOutcome = { readonly ok: true } | { readonly ok: false; readonly state: UserState };

export interface DeliveryFailure {
  readonly userId: string;
  readonly challengeId: string;
  readonly deliveryIndex: number;
  readonly now: number;
  readonly events: readonly AccountEvent[];
  readonly idempotency?: IdempotencyRecord;
}

export interface DeliveryOutcomeRecord {
  readonly userId: string;
  readonly challengeId: string;
  readonly deliveryIndex: number;
  readonly status: DeliveryStatus;
  readonly at: number;
}

export interface Store {
  /** The user's state, factors, live challenges, recovery set and recent idempotent answers. */
  loadUser(userId: string, now: number): Promise<UserSnapshot>;
  getChallenge(userId: string, challengeId: string, now: number): Promise<ChallengeRecord | undefined>;

  reserveSend(reservation: SendReservation): Promise<SendReservationResult>;
  /** After the provider refused: mark the delivery failed and keep the refusal as the idempotent answer. */
  recordDeliveryFailure(input: DeliveryFailure): Promise<void>;

  /**
   * A provider's report on one delivery (SES events). A late "sent" never
   * overwrites "delivered" or "failed"; returns false when the challenge is gone.
   */
  recordDeliveryStatus(input: DeliveryOutcomeRecord): Promise<boolean>;

  /** Counts one wrong code, if the plan's facts still hold. */
  recordFailure(
    userId: string,
    plan: FailurePlan,
    now: number,
    events: readonly AccountEvent[],
  ): Promise<FailureOutcome>;
  /** Accepts a code exactly once and resets the failure count, if the user is not locked. */
  accept(acceptance: Acceptance): Promise<AcceptOutcome>;

  /** Support unlock: clears every lock and count. */
  unlock(userId: string, events: readonly AccountEvent[]): Promise<void>;
  /** Creates a factor that needs no code sent (an authenticator), guarded by the factor cap. */
  createFactor(input: {
    factor: FactorRecord;
    expectFactorsVersion: number;
    /** A pending factor is forgotten at this time unless activated. */
    expiresAt: number;
    events: readonly AccountEvent[];
  }): Promise<{ ok: boolean }>;
  deleteFactor(input: {
    userId: string;
    factorId: string;
    expectFactorsVersion: number;
    events: readonly AccountEvent[];
  }): Promise<{ ok: boolean }>;
  replaceRecoveryCodes(userId: string, set: RecoveryCodeSet, events: readonly AccountEvent[]): Promise<void>;
}
