import { DEFAULT_POLICY } from '../../lambdas/config/policy';
import { lockStatus, planFailure } from '../../lambdas/domain/lockout';
import { EMPTY_STATE, type UserState } from '../../lambdas/domain/records';

const NOW = 1_800_000_000_000;
const policy = DEFAULT_POLICY;

describe('Module: lockout', () => {
  describe('Function: lockStatus', () => {
    it('is open with all attempts for a new user', () => {
      expect(lockStatus(EMPTY_STATE, NOW, policy)).toEqual({
        kind: 'open',
        attemptsRemaining: 5,
        failures: 0,
      });
    });
    it('is locked until lockedUntil, then open with a fresh window', () => {
      const state: UserState = { ...EMPTY_STATE, failures: 5, lockedUntil: NOW + 1000, locks: 1 };
      expect(lockStatus(state, NOW, policy)).toEqual({ kind: 'locked', until: NOW + 1000 });
      expect(lockStatus(state, NOW + 1000, policy)).toEqual({
        kind: 'open',
        attemptsRemaining: 5,
        failures: 0,
      });
    });
    it('stays locked without end when hard-locked', () => {
      expect(lockStatus({ ...EMPTY_STATE, hardLocked: true }, NOW, policy)).toEqual({
        kind: 'locked',
        until: null,
      });
    });
  });

  describe('Function: planFailure', () => {
    it('counts without locking below the limit', () => {
      const plan = planFailure({ ...EMPTY_STATE, failures: 2, consecutiveFailures: 2 }, NOW, policy);
      expect(plan).toMatchObject({
        failuresAfter: 3,
        consecutiveAfter: 3,
        failuresBelow: 4,
        consecutiveBelow: 49,
      });
      expect(plan.lock).toBeUndefined();
    });
    it('locks for the first lockout duration on the fifth failure after a success', () => {
      const plan = planFailure({ ...EMPTY_STATE, failures: 4, consecutiveFailures: 4 }, NOW, policy);
      expect(plan.lock).toEqual({ until: NOW + 300_000, locksAfter: 1 });
    });
    it('locks for the long duration when a lock already happened since the last success', () => {
      const state = { ...EMPTY_STATE, failures: 4, consecutiveFailures: 9, locks: 1 };
      expect(planFailure(state, NOW, policy).lock).toEqual({ until: NOW + 1_800_000, locksAfter: 2 });
    });
    it('starts a new window after an ended lock, keeping the consecutive count', () => {
      const state = { ...EMPTY_STATE, failures: 5, consecutiveFailures: 5, locks: 1, lockedUntil: NOW - 1 };
      expect(planFailure(state, NOW, policy)).toMatchObject({
        expectLockedUntil: NOW - 1,
        failuresAfter: 1,
        consecutiveAfter: 6,
      });
    });
    it('hard-locks at hardLockAfter consecutive failures', () => {
      const state = { ...EMPTY_STATE, failures: 1, consecutiveFailures: 49, locks: 9 };
      expect(planFailure(state, NOW, policy).lock).toEqual({ until: null, locksAfter: 10 });
    });
  });
});
