/**
 * The lockout rules of docs/api.md "Policy" as pure functions over the user's state.
 *
 * A guess takes an attempt before its code is compared: the store's one
 * conditional write adds one to `attempts` only while the user is not locked and
 * the window has attempts left, and returns the count it made. So at most
 * `maxAttempts` codes are compared between two locks, however many arrive at once.
 *
 * - The window is used up when `attempts` reaches `attemptLimit`; the wrong code that
 *   took its last attempt locks the user and moves the limit on by `maxAttempts`,
 *   so the next window opens by itself when the lock ends.
 * - The first lock after a success lasts `firstLockoutSeconds`, later ones `lockoutSeconds`.
 * - After `hardLockAfter` attempts without a success, only a support unlock helps.
 * - A success resets everything; an uncounted answer gives its attempt back.
 */
import type { Policy } from './policy';
import type { UserState } from './records';

/** An attempt taken this long ago and still unjudged is taken to have died with its request. */
export const STALE_ATTEMPT_MS = 30_000;

type Limits = Pick<Policy, 'maxAttempts' | 'hardLockAfter' | 'firstLockoutSeconds' | 'lockoutSeconds'>;

export type LockStatus =
  | { readonly kind: 'open'; readonly attemptsRemaining: number }
  | { readonly kind: 'locked'; readonly until: number | null }
  /** Every attempt of the window is taken and the last is still being judged. */
  | { readonly kind: 'exhausted'; readonly since: number; readonly stale: boolean };

/** The attempt count that uses up the current window. */
export function windowLimit(state: UserState, policy: Pick<Policy, 'maxAttempts'>): number {
  return state.attemptLimit > 0 ? state.attemptLimit : policy.maxAttempts;
}

function remaining(state: UserState, policy: Limits): number {
  return Math.max(0, Math.min(windowLimit(state, policy), policy.hardLockAfter) - state.attempts);
}

export function lockStatus(state: UserState, now: number, policy: Limits): LockStatus {
  if (state.hardLocked) return { kind: 'locked', until: null };
  if (state.lockedUntil !== undefined && state.lockedUntil > now)
    return { kind: 'locked', until: state.lockedUntil };
  const left = remaining(state, policy);
  if (left > 0) return { kind: 'open', attemptsRemaining: left };
  const since = state.lastAttemptAt ?? 0;
  return { kind: 'exhausted', since, stale: since <= now - STALE_ATTEMPT_MS };
}

/** The write that locks the user, with the window it must still find. */
export interface LockPlan {
  /** The lock's end, or null for a hard lock. */
  readonly until: number | null;
  /** The window this lock closes: the write applies only while `attemptLimit` is still this. */
  readonly expectLimit: number;
  /** The attempt count that reached the limit: a count lowered since (a success, a give-back) voids the lock. */
  readonly expectAttempts: number;
  readonly limitAfter: number;
  readonly locksAfter: number;
}

export type WrongCodeOutcome =
  | { readonly kind: 'incorrect'; readonly attemptsRemaining: number }
  | { readonly kind: 'lock'; readonly plan: LockPlan };

function lockFrom(state: UserState, startsAt: number, policy: Limits): LockPlan {
  const limit = windowLimit(state, policy);
  const hard = state.attempts >= policy.hardLockAfter;
  const seconds = state.locks === 0 ? policy.firstLockoutSeconds : policy.lockoutSeconds;
  return {
    until: hard ? null : startsAt + seconds * 1000,
    expectLimit: limit,
    expectAttempts: state.attempts,
    limitAfter: limit + policy.maxAttempts,
    locksAfter: state.locks + 1,
  };
}

/**
 * What a wrong code means, given the state its attempt made: `attempts` is the
 * count that attempt's write returned, so parallel wrong codes each get their own.
 */
export function judgeWrongCode(reserved: UserState, now: number, policy: Limits): WrongCodeOutcome {
  const left = remaining(reserved, policy);
  if (left > 0) return { kind: 'incorrect', attemptsRemaining: left };
  return { kind: 'lock', plan: lockFrom(reserved, now, policy) };
}

/**
 * The lock a window should have had when its last attempt died unjudged (a request
 * that crashed between taking the attempt and locking): as if it failed when taken.
 */
export function planStaleLock(state: UserState, policy: Limits): LockPlan {
  return lockFrom(state, state.lastAttemptAt ?? 0, policy);
}

/** Whole seconds from now until `until`, at least 1: the `Retry-After` value. */
export function secondsUntil(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 1000));
}
