/**
 * The two outcomes of checking a code that count: a wrong code (counted toward the
 * lockout, at most `maxAttempts` per window however many arrive together) and an
 * accepted one (exactly once, resetting the count). Both retry with the fresh
 * state the store returns when a concurrent request got there first.
 */
import type { ChallengeVerdict } from '../domain/challenge-match';
import {
  CodeAlreadyUsedError,
  CodeExpiredError,
  CodeIncorrectError,
  CodeSupersededError,
  LockedError,
  NoPendingChallengeError,
  UnavailableError,
  type DomainError,
} from '../domain/errors';
import type { AccountEvent, RequestContext } from '../domain/events';
import { lockStatus, planFailure, secondsUntil } from '../domain/lockout';
import type { UserState } from '../domain/records';
import type { AppDeps } from './deps';
import { newEvent } from './events';
import { iso } from './reply';

const MAX_ROUNDS = 8;

export class LockedNowError extends LockedError {
  override extras() {
    return { ...super.extras(), attemptsRemaining: 0 };
  }
}

export function lockedAnswer(until: number | null, now: number, justLocked = false): DomainError {
  const Error = justLocked ? LockedNowError : LockedError;
  return until === null ? new Error(null, 86_400) : new Error(iso(until), secondsUntil(until, now));
}

/**
 * Answers for a code that matched a code no longer live (or nothing, with no live
 * code to guess): precise, and not counted as a failure.
 */
export function uncountedAnswer(
  verdict: Exclude<ChallengeVerdict, { kind: 'match' } | { kind: 'wrong' }>,
  attemptsRemaining: number,
): DomainError {
  switch (verdict.kind) {
    case 'superseded':
      return new CodeSupersededError(attemptsRemaining);
    case 'already_used':
      return new CodeAlreadyUsedError();
    case 'expired':
      return new CodeExpiredError();
    case 'nothing_pending':
      return verdict.latestExpired ? new CodeExpiredError() : new NoPendingChallengeError();
  }
}

/** Throws `locked` if the state is locked now. */
export function assertNotLocked(state: UserState, now: number, deps: Pick<AppDeps, 'policy'>): number {
  const status = lockStatus(state, now, deps.policy);
  if (status.kind === 'locked') throw lockedAnswer(status.until, now);
  return status.attemptsRemaining;
}

/** Counts one wrong code and throws the answer: `code_incorrect` with attempts left, or `locked`. */
export async function countWrongCode(
  deps: AppDeps,
  userId: string,
  state: UserState,
  detail: {
    channel?: AccountEvent['channel'];
    factorId?: string;
    purpose?: string;
    context?: RequestContext;
  },
): Promise<never> {
  let current = state;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = deps.clock.now();
    assertNotLocked(current, now, deps);
    const plan = planFailure(current, now, deps.policy);
    const events = [newEvent(deps, userId, 'verification_failed', now, detail)];
    if (plan.lock) events.push(newEvent(deps, userId, 'locked', now, { context: detail.context }));
    const result = await deps.store.recordFailure(userId, plan, now, events);
    if (result.ok) {
      if (plan.lock) {
        await deps.notifier.notify({ userId, kind: plan.lock.until === null ? 'hard_locked' : 'locked' });
        throw lockedAnswer(plan.lock.until, now, true);
      }
      throw new CodeIncorrectError(deps.policy.maxAttempts - plan.failuresAfter);
    }
    current = result.state;
  }
  throw new UnavailableError();
}
