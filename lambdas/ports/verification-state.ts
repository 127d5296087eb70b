/**
 * Port: a user's verification state (docs/data-model.md): the attempt window and its
 * locks, the live codes per purpose with their messages, cooldowns and send caps.
 * Each method is one round trip that enforces its guarantees atomically (in
 * DynamoDB: conditional writes and transactions). A method that finds its
 * preconditions broken by a concurrent request returns the fresh facts instead of
 * throwing, so the use case can decide again; a database that fails throws
 * StoreUnavailableError.
 */
import type { AccountEvent } from '../domain/events';
import type { FallbackStep } from '../domain/fallback';
import type { Policy } from '../domain/policy';
import type { LockPlan } from '../domain/lockout';
import type { AbuseCounter, AbuseScope } from '../domain/abuse-limits';
import type { ConversionCheck, ConversionScope } from '../domain/conversion-guard';
import type {
  ChallengeRecord,
  DeliveryAttempt,
  DeviceRecord,
  FactorRecord,
  IdempotentResponse,
  RecoveryCodeSet,
  UserSnapshot,
  UserState,
} from '../domain/records';

/** The abuse limits' counters of one send, in its clock hour. */
export interface AbuseCounting {
  readonly counters: readonly AbuseCounter[];
  readonly hourBucket: number;
  /** A code send: counted toward its prefix's and country's conversion, and judged by it. */
  readonly conversion?: ConversionCheck;
}

/** A code send the conversion guard judged low: blocked (enforce) or only flagged (monitor). */
export interface ConversionBlock {
  readonly scope: ConversionScope;
  /** Epoch ms the block ends. */
  readonly until: number;
}

/** One approved SMS or voice code, credited to its prefix's and country's hour (or taken back: -1). */
export interface ConversionCredit {
  readonly prefixHash: string;
  readonly country?: string;
  readonly hourBucket: number;
}

/** The caps one send counts against: the user's own (on its state) and its destination's. */
export interface SendCounters {
  /** Keyed hash of the destination's normal form: caps per mailbox or number, never stored in clear. */
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
  /** The stamp it replaces, restored if the send is undone. */
  readonly previousCooldown?: number;
  /** This send creates the user's state item (a first send): undoing it deletes the item. */
  readonly createsState?: boolean;
  /** The slot's live challenge as read: the write applies only if it is still the live one. */
  readonly slot: string;
  readonly expectLive: string | undefined;
  /** A brand-new code (which supersedes the live one, if pending), or one more delivery of the live one. */
  readonly challenge:
    | { readonly kind: 'new'; readonly record: ChallengeRecord; readonly supersedes?: string }
    | {
        readonly kind: 'reuse';
        readonly challengeId: string;
        readonly delivery: DeliveryAttempt;
        /** Where the delivery lands in the challenge's list. */
        readonly deliveryIndex: number;
        readonly destinationMasked: string;
        /**
         * A fallback step this delivery is: written as sent in the same write, only while
         * it is still waiting, so a step sends once however many invocations race for it.
         */
        readonly claimStep?: {
          readonly index: number;
          readonly step: FallbackStep;
          /** The step as it was, restored if the send is undone. */
          readonly previous: FallbackStep;
        };
      };
  /** Set when the send enrols a new factor (guarded by the factor cap). */
  readonly newFactor?: { readonly record: FactorRecord; readonly expectFactorsVersion: number };
  readonly counters: SendCounters;
  /** The language the caller asked for, kept on the user's state for later notices. @default unchanged */
  readonly locale?: string;
  readonly retentionSeconds: number;
  /** State attributes the snapshot found outlived, removed by the same write. */
  readonly stale: readonly string[];
  readonly events: readonly AccountEvent[];
  readonly idempotency?: IdempotencyRecord;
  /** SMS and voice: the abuse limits' counters, counted beside the reservation. */
  readonly abuse?: AbuseCounting;
}

/** Why a send was refused by a cooldown or one of the send caps. */
export type SendRefusalReason =
  'cooldown' | 'user_hour' | 'user_day' | 'destination_hour' | 'destination_day';

export type SendRefusal =
  | { readonly ok: false; readonly reason: SendRefusalReason | 'locked' | 'conflict' }
  | { readonly ok: false; readonly reason: 'abuse'; readonly scope: AbuseScope }
  | { readonly ok: false; readonly reason: 'low_conversion'; readonly block: ConversionBlock }
  | { readonly ok: false; readonly reason: 'idempotent'; readonly response: IdempotentResponse };

export type SendReservationResult =
  | {
      readonly ok: true;
      /** Monitor mode: the guard judged the send low, and let it go. */ readonly flagged?: ConversionBlock;
    }
  | SendRefusal;

/** The bounds an attempt is taken within. */
export type AttemptLimits = Pick<Policy, 'maxAttempts' | 'hardLockAfter'>;

/**
 * The state after the attempt was taken (its `attempts` is this attempt's number),
 * or as it refused; `known` is false when the user has no state at all (nothing to verify).
 */
export type AttemptReservation =
  | { readonly ok: true; readonly state: UserState }
  | { readonly ok: false; readonly state: UserState; readonly known: boolean };

export interface Acceptance {
  readonly userId: string;
  readonly now: number;
  /** What makes this code acceptable exactly once. */
  readonly target:
    | { readonly kind: 'challenge'; readonly challengeId: string; readonly slot: string }
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

export type ReportOutcome = 'canceled' | 'not_pending' | 'already_reported' | 'not_found';

export interface VerificationStateStore {
  /** The user's state, factors, challenges, recovery set and recent idempotent answers. */
  loadUser(userId: string, now: number): Promise<UserSnapshot>;

  getChallenge(userId: string, challengeId: string, now: number): Promise<ChallengeRecord | undefined>;

  reserveSend(reservation: SendReservation): Promise<SendReservationResult>;

  /** Takes one attempt, while the user is not locked and the window has one left. */
  reserveAttempt(userId: string, now: number, limits: AttemptLimits): Promise<AttemptReservation>;

  /** Gives an attempt back (an uncounted answer), unless a success, lock or unlock came in between. */
  giveBackAttempt(userId: string, epoch: number): Promise<void>;

  /** Records a wrong code whose attempt was already taken (its events). */
  recordWrongCode(events: readonly AccountEvent[]): Promise<void>;

  /** Locks the user as planned, if the window is still the one the plan closes; else the fresh state. */
  lock(
    userId: string,
    plan: LockPlan,
    now: number,
    events: readonly AccountEvent[],
  ): Promise<{ readonly ok: true } | { readonly ok: false; readonly state: UserState }>;
  /** Accepts a code exactly once and resets the attempt count. */
  accept(acceptance: Acceptance): Promise<AcceptOutcome>;

  /** Accepts a code exactly once and resets the attempt count. */
  accept(acceptance: Acceptance): Promise<AcceptOutcome>;

  /** The owner says they did not ask for this code: cancels it if pending; acts once per challenge. */
  reportChallenge(userId: string, challengeId: string, now: number): Promise<ReportOutcome>;

  /** Support unlock: clears every lock and count. */
  unlock(userId: string, events: readonly AccountEvent[]): Promise<void>;

  /** Counts one SMS or voice message that is not a code (a delivery, a notice) on the abuse limits. */
  countAbuse(
    counting: AbuseCounting,
  ): Promise<{ readonly ok: true } | { readonly ok: false; readonly scope: AbuseScope }>;
  /** Takes such a counting back (the message was then refused by another guard). */
  uncountAbuse(counting: AbuseCounting): Promise<void>;

  /** Adds one approval (or takes one back, `delta` -1) to the conversion of a code's prefix and country. */
  creditConversion(credit: ConversionCredit, delta: 1 | -1): Promise<void>;
}
