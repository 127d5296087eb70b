/**
 * Checking a code under the attempt limit (docs/api.md, "Guarantees"): a guess
 * takes an attempt before its code is compared. The attempt is one conditional
 * write on the user's state, made in the same round trip as the read of the
 * user; only when it was granted is the code compared. A wrong code keeps its
 * attempt (and the one that used up the window locks), a right one resets the
 * count, and an answer that is not counted gives its attempt back.
 */
import type { ChallengeVerdict } from '../domain/challenge-match';
import {
  CodeAlreadyUsedError,
  CodeExpiredError,
  CodeIncorrectError,
  CodeSupersededError,
  NoPendingChallengeError,
  type DomainError,
} from '../domain/errors';
import { LockedError, UnavailableError } from '../domain/refusal-errors';
import type { AccountEvent, RequestContext } from '../domain/events';
import { judgeWrongCode, lockStatus, planStaleLock, secondsUntil } from '../domain/lockout';
import type { UserSnapshot, UserState } from '../domain/records';
import type { Acceptance } from '../ports/verification-state';
import type { AppDeps } from './deps';
import { newEvent } from './events';
import { iso } from './reply';

const MAX_ROUNDS = 16;
/**
 * While every attempt of the window is being judged, wait this long (ms, growing to
 * EXHAUSTED_WAIT_MAX_MS, about 2 s in all) and try again: on a busy host the judging of
 * parallel attempts can take longer than a few hundred milliseconds.
 */
const EXHAUSTED_WAIT_MS = 25;
const EXHAUSTED_WAIT_MAX_MS = 200;

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

/** Throws `locked` if the state is locked now (sends are refused while locked). */
export function assertNotLocked(state: UserState, now: number, deps: Pick<AppDeps, 'policy'>): void {
  const status = lockStatus(state, now, deps.policy);
  if (status.kind === 'locked') throw lockedAnswer(status.until, now);
}

/** What comparing the code found, decided by the use case once its attempt is granted. */
export type CodeCheck<T> =
  | {
      readonly kind: 'accept';
      readonly acceptance: Omit<Acceptance, 'userId' | 'now'>;
      /** The answer, and what to do once the acceptance committed. */
      readonly done: (recoveryCodesIssued: boolean) => Promise<T>;
    }
  | { readonly kind: 'wrong'; readonly detail: WrongCodeDetail }
  /** Not counted: the attempt is given back; `answer` gets the attempts left after that. */
  | { readonly kind: 'uncounted'; readonly answer: (attemptsRemaining: number) => DomainError };

export interface WrongCodeDetail {
  readonly channel?: AccountEvent['channel'];
  readonly factorId?: string;
  readonly purpose?: string;
  readonly context?: RequestContext;
}

/**
 * Takes an attempt (while reading the user), then lets `compare` judge the code
 * against the snapshot, and carries out its verdict. `compare` runs only with an
 * attempt granted; if it throws, the attempt is given back.
 */
export async function checkCode<T>(
  deps: AppDeps,
  userId: string,
  compare: (snapshot: UserSnapshot, now: number) => Promise<CodeCheck<T>>,
): Promise<T> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = deps.clock.now();
    const [attempt, snapshot] = await Promise.all([
      deps.state.reserveAttempt(userId, now, deps.policy),
      deps.state.loadUser(userId, now),
    ]);
    if (!attempt.ok && !attempt.known) return unknownUser(await compare(snapshot, now), deps);
    if (!attempt.ok) {
      await refusedAttempt(deps, userId, attempt.state, now, round);
      continue;
    }
    const state = attempt.state;
    let check: CodeCheck<T>;
    try {
      check = await compare(snapshot, now);
    } catch (error) {
      await deps.state.giveBackAttempt(userId, state.epoch);
      throw error;
    }
    switch (check.kind) {
      case 'uncounted': {
        await deps.state.giveBackAttempt(userId, state.epoch);
        const after = { ...state, attempts: state.attempts - 1 };
        const status = lockStatus(after, now, deps.policy);
        throw check.answer(status.kind === 'open' ? status.attemptsRemaining : 0);
      }
      case 'wrong':
        return countWrongCode(deps, userId, state, now, check.detail);
      case 'accept': {
        const outcome = await deps.state.accept({ ...check.acceptance, userId, now });
        if (outcome.ok) {
          deps.outcomes.record({ kind: 'verification_approved' });
          return check.done(outcome.recoveryCodesIssued);
        }
        if (outcome.reason === 'locked') {
          const status = lockStatus(outcome.state, now, deps.policy);
          if (status.kind === 'locked') throw lockedAnswer(status.until, now);
        }
        // The code was used, replaced or expired by a concurrent request: judge it again.
        await deps.state.giveBackAttempt(userId, state.epoch);
      }
    }
  }
  throw new UnavailableError();
}

/**
 * A user with no state has no code, factor or recovery set to guess, so nothing
 * needs counting: the answer is what comparing against nothing says.
 */
function unknownUser<T>(check: CodeCheck<T>, deps: AppDeps): never {
  if (check.kind === 'uncounted') throw check.answer(deps.policy.maxAttempts);
  if (check.kind === 'wrong') throw new CodeIncorrectError(deps.policy.maxAttempts);
  throw new UnavailableError();
}

/** Why no attempt was granted: a lock (answered), or a window whose last attempts are still being judged. */
async function refusedAttempt(
  deps: AppDeps,
  userId: string,
  state: UserState,
  now: number,
  round: number,
): Promise<void> {
  const status = lockStatus(state, now, deps.policy);
  if (status.kind === 'locked') throw lockedAnswer(status.until, now);
  if (status.kind === 'open') return; // The state moved on in between: try again.
  if (status.stale) {
    // The request that took the last attempt died before judging it: lock as it would have.
    const plan = planStaleLock(state, deps.policy);
    await deps.state.lock(userId, plan, now, [newEvent(deps, userId, 'locked', now, {})]);
    return;
  }
  if (round + 2 >= MAX_ROUNDS) {
    // Still being judged: the window is used up unless one of them is right.
    const seconds = state.locks === 0 ? deps.policy.firstLockoutSeconds : deps.policy.lockoutSeconds;
    throw lockedAnswer(status.since + seconds * 1000, now);
  }
  await new Promise((resolve) =>
    setTimeout(resolve, Math.min(EXHAUSTED_WAIT_MS * (round + 1), EXHAUSTED_WAIT_MAX_MS)),
  );
}

/** A wrong code whose attempt is counted: `code_incorrect` with the attempts left, or `locked`. */
async function countWrongCode(
  deps: AppDeps,
  userId: string,
  reserved: UserState,
  now: number,
  detail: WrongCodeDetail,
): Promise<never> {
  const failed = newEvent(deps, userId, 'verification_failed', now, detail);
  deps.outcomes.record({ kind: 'verification_failed' });
  const outcome = judgeWrongCode(reserved, now, deps.policy);
  if (outcome.kind === 'incorrect') {
    await deps.state.recordWrongCode([failed]);
    throw new CodeIncorrectError(outcome.attemptsRemaining);
  }
  const plan = outcome.plan;
  const locked = newEvent(deps, userId, 'locked', now, { context: detail.context });
  const result = await deps.state.lock(userId, plan, now, [failed, locked]);
  if (result.ok) {
    deps.outcomes.record({ kind: 'lockout' });
    await deps.notifier.notify({ userId, kind: plan.until === null ? 'hard_locked' : 'locked' });
    throw lockedAnswer(plan.until, now, true);
  }
  // Another request locked this window first, or the count was lowered in between.
  await deps.state.recordWrongCode([failed]);
  const status = lockStatus(result.state, now, deps.policy);
  if (status.kind === 'locked') throw lockedAnswer(status.until, now, true);
  if (status.kind === 'open') throw new CodeIncorrectError(status.attemptsRemaining);
  throw lockedAnswer(now + deps.policy.firstLockoutSeconds * 1000, now, true);
}
