/**
 * The lockout rules of docs/api.md ("Policy") as pure functions. The store enforces them with
 * conditional writes; these functions decide which write to attempt and what to
 * answer, from a state the store returned.
 *
 * - `maxAttempts` consecutive wrong codes lock the user; a success resets the count.
 * - The first lock after a success lasts `firstLockoutSeconds`, later ones `lockoutSeconds`.
 * - After `hardLockAfter` consecutive wrong codes across locks, only a support unlock helps.
 */
import type { Policy } from '../config/policy';
import type { UserState } from './records';

export type LockStatus =
  | { readonly kind: 'open'; readonly attemptsRemaining: number; readonly failures: number }
  | { readonly kind: 'locked'; readonly until: number | null };

export function lockStatus(state: UserState, now: number, policy: Policy): LockStatus {
  if (state.hardLocked) return { kind: 'locked', until: null };
  if (state.lockedUntil !== undefined && state.lockedUntil > now)
    return { kind: 'locked', until: state.lockedUntil };
  // A lock that has ended opens a fresh window of attempts.
  const failures = state.lockedUntil !== undefined ? 0 : state.failures;
  return { kind: 'open', attemptsRemaining: Math.max(0, policy.maxAttempts - failures), failures };
}

/** The write that records one wrong code, with the facts it must still hold to be valid. */
export interface FailurePlan {
  /** The state must still show exactly this lock end (a lock that ended), or none at all. */
  readonly expectLockedUntil: number | undefined;
  /** Counts as read: the write applies only if they are still below these bounds or equal. */
  readonly expectFailures: number;
  readonly expectConsecutive: number;
  readonly expectLocks: number;
  readonly failuresAfter: number;
  readonly consecutiveAfter: number;
  /** For a plain count (no lock, no window reset): the counts must be below these before adding one. */
  readonly failuresBelow: number;
  readonly consecutiveBelow: number;
  /** Set when this failure locks the user: the lock's end, or null for a hard lock. */
  readonly lock?: { readonly until: number | null; readonly locksAfter: number };
}

export function planFailure(state: UserState, now: number, policy: Policy): FailurePlan {
  const status = lockStatus(state, now, policy);
  if (status.kind === 'locked') throw new Error('planFailure called while locked');
  const failuresAfter = status.failures + 1;
  const consecutiveAfter = state.consecutiveFailures + 1;
  const base = {
    expectLockedUntil: state.lockedUntil,
    expectFailures: state.failures,
    expectConsecutive: state.consecutiveFailures,
    expectLocks: state.locks,
    failuresAfter,
    consecutiveAfter,
    failuresBelow: policy.maxAttempts - 1,
    consecutiveBelow: policy.hardLockAfter - 1,
  };
  if (consecutiveAfter >= policy.hardLockAfter) {
    return { ...base, lock: { until: null, locksAfter: state.locks + 1 } };
  }
  if (failuresAfter >= policy.maxAttempts) {
    const seconds = state.locks === 0 ? policy.firstLockoutSeconds : policy.lockoutSeconds;
    return { ...base, lock: { until: now + seconds * 1000, locksAfter: state.locks + 1 } };
  }
  return base;
}

/** Whole seconds from now until `until`, at least 1: the `Retry-After` value. */
export function secondsUntil(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 1000));
}
