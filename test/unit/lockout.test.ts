/**
 * The lockout rules as pure functions over the state an attempt's write returned:
 * what each attempt count means, when a window is used up, how long each lock lasts,
 * and the hard lock.
 */
import { DEFAULT_POLICY } from '../../lambdas/domain/policy';
import {
  STALE_ATTEMPT_MS,
  judgeWrongCode,
  lockStatus,
  planStaleLock,
  windowLimit,
} from '../../lambdas/domain/lockout';
import { EMPTY_STATE, type UserState } from '../../lambdas/domain/records';

const NOW = Date.now();
const policy = DEFAULT_POLICY;
const state = (over: Partial<UserState>): UserState => ({ ...EMPTY_STATE, ...over });

describe('Module: lockout', () => {
  describe('Function: lockStatus', () => {
    it('is open with all attempts for a new user', () => {
      expect(lockStatus(EMPTY_STATE, NOW, policy)).toEqual({ kind: 'open', attemptsRemaining: 5 });
      expect(windowLimit(EMPTY_STATE, policy)).toBe(5);
    });
    it('is locked until lockedUntil, then open with the next window', () => {
      const locked = state({ attempts: 5, attemptLimit: 10, lockedUntil: NOW + 1000, locks: 1 });
      expect(lockStatus(locked, NOW, policy)).toEqual({ kind: 'locked', until: NOW + 1000 });
      expect(lockStatus(locked, NOW + 1000, policy)).toEqual({ kind: 'open', attemptsRemaining: 5 });
    });
    it('stays locked without end when hard-locked', () => {
      expect(lockStatus(state({ hardLocked: true }), NOW, policy)).toEqual({ kind: 'locked', until: null });
    });
    it('is exhausted while the window’s last attempts are judged, and stale once their requests died', () => {
      const used = state({ attempts: 5, attemptLimit: 5, lastAttemptAt: NOW - 10 });
      expect(lockStatus(used, NOW, policy)).toEqual({ kind: 'exhausted', since: NOW - 10, stale: false });
      expect(lockStatus(used, NOW + STALE_ATTEMPT_MS, policy)).toMatchObject({
        kind: 'exhausted',
        stale: true,
      });
    });
    it('never offers more attempts than the hard lock leaves', () => {
      expect(lockStatus(state({ attempts: 48, attemptLimit: 50 }), NOW, policy)).toEqual({
        kind: 'open',
        attemptsRemaining: 2,
      });
      const odd = { ...policy, hardLockAfter: 7 };
      expect(lockStatus(state({ attempts: 6, attemptLimit: 10 }), NOW, odd)).toEqual({
        kind: 'open',
        attemptsRemaining: 1,
      });
    });
  });

  describe('Function: judgeWrongCode', () => {
    it('answers each attempt count with its own attempts left', () => {
      const left = [1, 2, 3, 4].map((attempts) =>
        judgeWrongCode(state({ attempts, attemptLimit: 5 }), NOW, policy),
      );
      expect(left).toEqual([4, 3, 2, 1].map((n) => ({ kind: 'incorrect', attemptsRemaining: n })));
    });
    it('locks for the first lockout duration with the attempt that uses up the first window', () => {
      expect(judgeWrongCode(state({ attempts: 5, attemptLimit: 5 }), NOW, policy)).toEqual({
        kind: 'lock',
        plan: { until: NOW + 300_000, expectLimit: 5, expectAttempts: 5, limitAfter: 10, locksAfter: 1 },
      });
    });
    it('locks for the long duration when a lock already happened since the last success', () => {
      const outcome = judgeWrongCode(state({ attempts: 10, attemptLimit: 10, locks: 1 }), NOW, policy);
      expect(outcome).toMatchObject({
        kind: 'lock',
        plan: { until: NOW + 1_800_000, limitAfter: 15, locksAfter: 2 },
      });
    });
    it('hard-locks at hardLockAfter attempts without a success', () => {
      const outcome = judgeWrongCode(state({ attempts: 50, attemptLimit: 50, locks: 9 }), NOW, policy);
      expect(outcome).toMatchObject({ kind: 'lock', plan: { until: null, locksAfter: 10 } });
    });
  });

  describe('Function: planStaleLock', () => {
    it('locks as of the dead attempt, so its lock ends when it would have', () => {
      const plan = planStaleLock(
        state({ attempts: 5, attemptLimit: 5, lastAttemptAt: NOW - 60_000 }),
        policy,
      );
      expect(plan).toEqual({
        until: NOW + 240_000,
        expectLimit: 5,
        expectAttempts: 5,
        limitAfter: 10,
        locksAfter: 1,
      });
    });
  });
});
