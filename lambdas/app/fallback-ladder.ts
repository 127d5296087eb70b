/**
 * Challenges with a fallback ladder (docs/api.md, "Fallback ladders"): starting
 * one (`fallback` on POST .../challenges) and moving it on now (POST .../next).
 * Starting sends the first step through the usual send routine, as a new code that
 * carries the planned ladder, then schedules the later steps; a step that cannot be
 * scheduled is recorded `unscheduled` (the challenge stands, `next` still sends it).
 */
import { DeliveryFailedError } from '../domain/refusal-errors';
import {
  FallbackExhaustedError,
  InvalidRequestError,
  NoActiveFactorError,
  NoPendingChallengeError,
  NotFoundError,
  type DomainError,
} from '../domain/errors';
import { nextWaitingStep, parseLadder, planLadder, type Ladder, type LadderStep } from '../domain/fallback';
import type { RequestContext } from '../domain/events';
import { pickFactor, type ChallengeRecord } from '../domain/records';
import type { StartChallengeInput } from './challenges';
import { challengeStatus, getChallenge } from './challenges';
import type { AppDeps } from './deps';
import { fallbackView } from './fallback-view';
import { runFallbackStep } from './fallback-step';
import type { Reply } from './reply';
import { sendCode, type SentCode } from './send-code';
import { challengeView } from './views';

/** The ladder a request asks for: the policy's (`true`) or its own list, checked against the code's life. */
function ladderOf(deps: AppDeps, fallback: true | readonly string[]): readonly LadderStep[] {
  if (fallback === true) return deps.policy.fallback;
  const parsed = parseLadder(fallback, deps.policy.codeTtlSeconds);
  if (!parsed.ok) throw new InvalidRequestError('The fallback ladder is not valid.', [...parsed.errors]);
  return parsed.steps;
}

/**
 * `factorId` names the factor of the first step, so it must be of that step's
 * channel; `channel` is not used with a ladder, whose steps name the channels.
 */
export async function startFallbackChallenge(
  deps: AppDeps,
  input: StartChallengeInput & { readonly fallback: true | readonly string[] },
): Promise<Reply> {
  if (input.channel !== undefined) {
    throw new InvalidRequestError('channel is not used with fallback: the ladder names the channels.', [
      { path: '/channel', message: 'is not used with fallback' },
    ]);
  }
  const written = ladderOf(deps, input.fallback);
  const snapshot = await deps.state.loadUser(input.userId, deps.clock.now());
  const firstChannel = written[0]?.channel;
  let first;
  if (input.factorId !== undefined) {
    first = pickFactor(snapshot.factors, { factorId: input.factorId });
    if (!first) throw new NoActiveFactorError('That factor does not exist or is not active.');
    if (first.type !== firstChannel) {
      throw new InvalidRequestError(`factorId must be a ${firstChannel} factor: the ladder's first step.`, [
        { path: '/factorId', message: `must be a factor of the first step's channel (${firstChannel})` },
      ]);
    }
  }
  const plan = planLadder(written, snapshot.factors, deps.clock.now(), first);
  if (!plan) throw new NoActiveFactorError('The user has no active factor of any channel of the ladder.');
  const ladder: Ladder = {
    steps: plan.steps,
    ...(input.keyName !== undefined ? { keyName: input.keyName } : {}),
    ...(input.context?.ip !== undefined ? { ip: input.context.ip } : {}),
  };

  let sent: SentCode | undefined;
  let built: Reply | undefined;
  let answered: Reply;
  try {
    answered = await sendCode(
      deps,
      {
        userId: input.userId,
        purpose: input.purpose,
        factor: plan.firstFactor,
        ladder,
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        ...(input.context ? { context: input.context } : {}),
        ...(input.idempotency ? { idempotency: input.idempotency } : {}),
        ...(input.keyName ? { keyName: input.keyName } : {}),
        reply: (s) => {
          sent = s;
          built = { statusCode: 202, body: challengeView(s) };
          return built;
        },
      },
      snapshot,
    );
  } catch (error) {
    // The first step was refused at hand-off (502): the ladder does not start.
    if (sent && error instanceof DeliveryFailedError) {
      await markAll(deps, sent.challenge, 'canceled');
    }
    throw error;
  }
  // An idempotent replay answers as the first request did, which scheduled its own steps.
  if (!sent || answered !== built) return answered;
  return scheduleLater(deps, sent, answered);
}

/** Schedules the steps after the first; any that cannot be are marked `unscheduled`, and the answer says so. */
async function scheduleLater(deps: AppDeps, sent: SentCode, answered: Reply): Promise<Reply> {
  const c = sent.challenge;
  const steps = c.fallback?.steps ?? [];
  const due = steps.flatMap((s, stepIndex) =>
    s.state === 'scheduled' ? [{ userId: c.userId, challengeId: c.challengeId, stepIndex, at: s.dueAt }] : [],
  );
  if (due.length === 0) return answered;
  const { unscheduled } = await deps.steps.schedule(due);
  if (unscheduled.length === 0) return answered;
  const now = deps.clock.now();
  const marked = await Promise.all(
    unscheduled.map((index) =>
      deps.ladders.markStep({
        userId: c.userId,
        challengeId: c.challengeId,
        index,
        state: 'unscheduled',
        at: now,
      }),
    ),
  );
  const ladder: Ladder = {
    ...(c.fallback as Ladder),
    steps: steps.map((s, i) =>
      marked[unscheduled.indexOf(i)] === true ? { ...s, state: 'unscheduled' as const } : s,
    ),
  };
  const body = answered.body as Record<string, unknown>;
  return { ...answered, body: { ...body, fallback: fallbackView({ ...c, fallback: ladder }, true) } };
}

async function markAll(deps: AppDeps, c: ChallengeRecord, state: 'canceled'): Promise<void> {
  const now = deps.clock.now();
  await Promise.all(
    (c.fallback?.steps ?? []).map((s, index) =>
      s.state === 'scheduled'
        ? deps.ladders.markStep({ userId: c.userId, challengeId: c.challengeId, index, state, at: now })
        : Promise.resolve(false),
    ),
  );
}

/**
 * Sends the ladder's next waiting step now. Its channel's cooldown and every cap
 * apply (answered as for any send); a step without an active factor, or whose
 * message is refused at hand-off, is passed over for the one after it. A step a
 * concurrent `next` (or its timer) sent first is not sent again: that call answers
 * 200 with the challenge as it now stands.
 */
export async function nextFallbackStep(
  deps: AppDeps,
  userId: string,
  challengeId: string,
  context?: RequestContext,
): Promise<Reply> {
  const now = deps.clock.now();
  const c = await deps.state.getChallenge(userId, challengeId, now);
  if (!c) throw new NotFoundError('No such challenge for this user.');
  if (challengeStatus(c, now) !== 'pending') {
    throw new NoPendingChallengeError('This challenge is no longer pending: its ladder has stopped.');
  }
  let failure: DomainError | undefined;
  for (let i = nextWaitingStep(c.fallback); i !== undefined; i = nextWaitingStep(c.fallback, i)) {
    const out = await runFallbackStep(
      deps,
      { userId, challengeId, stepIndex: i },
      { onRefusal: 'throw', ...(context ? { context } : {}) },
    );
    switch (out.outcome) {
      case 'sent':
        return out.reply;
      case 'taken':
        return getChallenge(deps, userId, challengeId);
      case 'stopped':
      case 'not_found':
        throw new NoPendingChallengeError('This challenge is no longer pending: its ladder has stopped.');
      case 'failed':
      case 'skipped':
      case 'refused':
        failure = out.error ?? failure;
        continue;
    }
  }
  throw failure ?? new FallbackExhaustedError();
}
