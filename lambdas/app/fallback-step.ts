/**
 * One fallback step (docs/api.md, "Fallback ladders"): what the step function runs
 * when a step's schedule (or the local timer) fires, what `next` runs at once, and
 * what a failed delivery runs to move on. The step is sent through the one send
 * routine (send-code.ts), as one more delivery of the challenge's live code, and is
 * taken as sent by the same conditional write that reserves that delivery: invoked
 * any number of times, at once or late, a step sends at most once, and nothing once
 * the challenge is no longer pending. Every cooldown and cap of a send applies.
 */
import {
  factorForStep,
  isWaiting,
  nextWaitingStep,
  stepOfDelivery,
  StepNotWaitingError,
  type Ladder,
  type SkipReason,
} from '../domain/fallback';
import type { DomainError } from '../domain/errors';
import { DeliveryFailedError, ResendTooSoonError, SendLimitExceededError } from '../domain/refusal-errors';
import type { RequestContext } from '../domain/events';
import { isCurrent } from '../domain/records';
import type { StepRef } from '../ports/step-scheduler';
import type { AppDeps } from './deps';
import type { Reply } from './reply';
import { sendCode } from './send-code';
import { challengeView } from './views';

export type StepOutcome =
  | { readonly outcome: 'sent'; readonly reply: Reply }
  /** The challenge is approved, reported, replaced or expired: its ladder has stopped. */
  | { readonly outcome: 'stopped' }
  /** Already sent or skipped (by a twin invocation, `next`, or an earlier failure). */
  | { readonly outcome: 'taken' }
  /** Skipped now: no active factor of its channel, or (when due) a cooldown or cap refused it. */
  | { readonly outcome: 'skipped'; readonly reason: SkipReason; readonly error?: DomainError }
  /** Handed off and refused by the provider: recorded as a failed delivery. */
  | { readonly outcome: 'failed'; readonly error: DeliveryFailedError }
  /** A cooldown or cap refused it; it still waits (`keep`). */
  | { readonly outcome: 'refused'; readonly error: DomainError }
  | { readonly outcome: 'not_found' };

export interface StepOptions {
  /**
   * What a cooldown or cap refusal does: `skip` the step (its time has come and
   * passed: the scheduled run), `keep` it waiting (it was brought forward, after a
   * failure), or `throw` the problem (`next`, whose caller is waiting for the answer).
   */
  readonly onRefusal: 'skip' | 'keep' | 'throw';
  /** The request's context (`next`); a scheduled run uses the IP of the request that started the ladder. */
  readonly context?: RequestContext;
}

/**
 * Sends step `stepIndex` of the challenge's ladder if the challenge is still
 * pending and the step still waits; the step function's whole job. A step whose
 * message is refused at hand-off moves the ladder on at once (scheduled and
 * brought-forward runs; `next` moves on itself).
 */
export async function runFallbackStep(
  deps: AppDeps,
  ref: StepRef,
  options: StepOptions,
): Promise<StepOutcome> {
  const outcome = await sendStep(deps, ref, options);
  if (outcome.outcome === 'failed' && options.onRefusal !== 'throw') {
    await advanceFrom(deps, ref.userId, ref.challengeId, ref.stepIndex);
  }
  return outcome;
}

async function sendStep(deps: AppDeps, ref: StepRef, options: StepOptions): Promise<StepOutcome> {
  const now = deps.clock.now();
  const snapshot = await deps.state.loadUser(ref.userId, now);
  const c = snapshot.challenges.find((x) => x.challengeId === ref.challengeId);
  const ladder = c?.fallback;
  const step = ladder?.steps[ref.stepIndex];
  if (!c || !ladder || !step) return { outcome: 'not_found' };
  if (!isCurrent(c, now) || snapshot.state.live[c.slot] !== c.challengeId) return { outcome: 'stopped' };
  if (!isWaiting(step)) return { outcome: 'taken' };

  // The factor the step was planned for if it is still active, else the user's active one of its channel.
  const factor = factorForStep(snapshot.factors, step.channel, step.factorId);
  if (!factor) return skip(deps, ref, now, 'no_factor');
  try {
    const reply = await sendCode(
      deps,
      {
        userId: ref.userId,
        purpose: c.purpose,
        factor,
        step: { challengeId: ref.challengeId, index: ref.stepIndex },
        ...(ladder.keyName !== undefined ? { keyName: ladder.keyName } : {}),
        ...contextOf(ladder, options.context),
        reply: (sent) => ({ statusCode: 202, body: challengeView(sent) }),
      },
      snapshot,
    );
    return { outcome: 'sent', reply };
  } catch (error) {
    if (error instanceof StepNotWaitingError)
      return { outcome: error.why === 'stopped' ? 'stopped' : 'taken' };
    if (error instanceof DeliveryFailedError) return { outcome: 'failed', error };
    if (!(error instanceof ResendTooSoonError || error instanceof SendLimitExceededError)) throw error;
    // A twin that took this step first refuses this run by the cooldown it stamped: read again.
    const fresh = await deps.state.getChallenge(ref.userId, ref.challengeId, deps.clock.now());
    const now2 = deps.clock.now();
    if (!fresh || !isCurrent(fresh, now2)) return { outcome: 'stopped' };
    const again = fresh.fallback?.steps[ref.stepIndex];
    if (!again || !isWaiting(again)) return { outcome: 'taken' };
    if (options.onRefusal === 'throw') throw error;
    if (options.onRefusal === 'keep') return { outcome: 'refused', error };
    const reason = error instanceof ResendTooSoonError ? 'resend_too_soon' : 'send_limit_exceeded';
    const skipped = await skip(deps, ref, now2, reason);
    return skipped.outcome === 'skipped' ? { ...skipped, error } : skipped;
  }
}

async function skip(deps: AppDeps, ref: StepRef, now: number, reason: SkipReason): Promise<StepOutcome> {
  const marked = await deps.ladders.markStep({
    userId: ref.userId,
    challengeId: ref.challengeId,
    index: ref.stepIndex,
    state: 'skipped',
    at: now,
    reason,
  });
  return marked ? { outcome: 'skipped', reason } : { outcome: 'taken' };
}

function contextOf(ladder: Ladder, context: RequestContext | undefined): { context?: RequestContext } {
  if (context) return { context };
  return ladder.ip !== undefined ? { context: { ip: ladder.ip } } : {};
}

/**
 * Moves the ladder on after step `failedIndex`'s message failed: sends the next
 * waiting step now, unless a later step was already sent (the failure came late,
 * the ladder is past it). A step skipped or failed on the way moves on to the one
 * after it; a cooldown or cap leaves the step to its own time.
 */
async function advanceFrom(
  deps: AppDeps,
  userId: string,
  challengeId: string,
  failedIndex: number,
): Promise<void> {
  const c = await deps.state.getChallenge(userId, challengeId, deps.clock.now());
  const ladder = c?.fallback;
  if (!c || !ladder || !isCurrent(c, deps.clock.now())) return;
  if (ladder.steps.some((s, i) => i > failedIndex && s.state === 'sent')) return;
  for (let i = nextWaitingStep(ladder, failedIndex); i !== undefined; i = nextWaitingStep(ladder, i)) {
    const outcome = await sendStep(deps, { userId, challengeId, stepIndex: i }, { onRefusal: 'keep' });
    if (outcome.outcome !== 'skipped' && outcome.outcome !== 'failed') return;
  }
}

/**
 * The hook for a delivery reported failed after hand-off (an SES bounce, an SMS or
 * voice receipt): if that message was a ladder's step, the ladder moves on at once.
 * Call it after the failed status is recorded; it never throws for a message that
 * is not a step, or whose challenge is gone or finished.
 */
export async function advanceLadderAfterFailure(
  deps: AppDeps,
  failed: { readonly userId: string; readonly challengeId: string; readonly deliveryIndex: number },
): Promise<void> {
  const c = await deps.state.getChallenge(failed.userId, failed.challengeId, deps.clock.now());
  const index = stepOfDelivery(c?.fallback, failed.deliveryIndex);
  if (index === undefined) return;
  await advanceFrom(deps, failed.userId, failed.challengeId, index);
}
