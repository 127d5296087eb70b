/**
 * What the send routine needs to send a fallback step (docs/api.md, "Fallback
 * ladders"): the challenge the step belongs to, checked still live and pending
 * with the step still waiting, and the step as the send's write records it.
 */
import { isWaiting, StepNotWaitingError, type FallbackStep, type Ladder } from '../domain/fallback';
import { isCurrent, type ChallengeRecord, type FactorRecord, type UserSnapshot } from '../domain/records';

/**
 * The challenge whose ladder step is to be sent, as read: still the slot's live,
 * pending code, with the step still waiting; else StepNotWaitingError.
 */
export function stepTarget(
  snapshot: UserSnapshot,
  step: { readonly challengeId: string; readonly index: number },
  now: number,
): ChallengeRecord {
  const c = snapshot.challenges.find((x) => x.challengeId === step.challengeId);
  if (!c || !isCurrent(c, now) || snapshot.state.live[c.slot] !== c.challengeId) {
    throw new StepNotWaitingError('stopped');
  }
  const s = c.fallback?.steps[step.index];
  if (!s || !isWaiting(s)) throw new StepNotWaitingError('taken');
  return c;
}

export function claimOf(
  c: ChallengeRecord,
  index: number,
  factor: FactorRecord,
  now: number,
): { index: number; step: FallbackStep; previous: FallbackStep } {
  const previous = c.fallback?.steps[index] as FallbackStep;
  const { reason: _reason, ...rest } = previous;
  return {
    index,
    previous,
    step: {
      ...rest,
      state: 'sent',
      at: now,
      deliveryIndex: c.deliveries.length,
      factorId: factor.factorId,
      ...(factor.destinationMasked !== undefined ? { destinationMasked: factor.destinationMasked } : {}),
    },
  };
}

export function withStep(ladder: Ladder, index: number, step: FallbackStep): Ladder {
  return { ...ladder, steps: ladder.steps.map((s, i) => (i === index ? step : s)) };
}
