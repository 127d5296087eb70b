/**
 * Fallback ladders (docs/api.md, "Fallback ladders"): a challenge that climbs from
 * one channel to the next by itself, with the same code on every step. This module
 * holds the rules only: how a ladder is written (`sms,voice@60,email@180`), how it
 * is planned against the user's factors, which step comes next, and what each step
 * shows in an answer. Sending is the app layer's (lambdas/app/fallback-step.ts).
 */
import { DELIVERY_CHANNELS, isDeliveryChannel, type DeliveryChannel } from './channel';
import type { FieldError } from './errors';
import { pickFactor, type DeliveryStatus, type FactorRecord } from './records';

/** One step as written: its channel and its delay after the challenge was sent. */
export interface LadderStep {
  readonly channel: DeliveryChannel;
  readonly delaySeconds: number;
}

/** A ladder has at most this many steps: every step is a message someone pays for. */
export const MAX_LADDER_STEPS = 5;

/**
 * What a step's record says. `scheduled`: waiting for its time; `unscheduled`: its
 * timer could not be set (only `next` or a failed step before it sends it);
 * `sent`: handed off (its delivery says what became of it); `skipped`: the user had
 * no active factor of its channel, or a cap or cooldown refused it when it came due;
 * `canceled`: the first step was refused at hand-off, so the ladder never started.
 */
export type StepState = 'scheduled' | 'unscheduled' | 'sent' | 'skipped' | 'canceled';

/** Why a step was skipped. */
export type SkipReason = 'no_factor' | 'resend_too_soon' | 'send_limit_exceeded';

export interface FallbackStep {
  readonly channel: DeliveryChannel;
  /** When the step is due (ms): the challenge's creation plus the step's delay. */
  readonly dueAt: number;
  readonly state: StepState;
  /** The factor it goes (or went) to; absent when the user has none of its channel. */
  readonly factorId?: string;
  readonly destinationMasked?: string;
  /** Index in the challenge's deliveries of the message this step sent. */
  readonly deliveryIndex?: number;
  /** When it was sent or skipped (ms). */
  readonly at?: number;
  readonly reason?: SkipReason;
}

/** A challenge's ladder, with what a scheduled step needs to count against the same caps as the request. */
export interface Ladder {
  readonly steps: readonly FallbackStep[];
  /** The API key that started it (the per-key abuse limit counts its steps). */
  readonly keyName?: string;
  /** The end user's IP of the request that started it (the per-IP abuse limit counts its steps). */
  readonly ip?: string;
}

const STEP = new RegExp(`^(${DELIVERY_CHANNELS.join('|')})(?:@(\\d{1,6}))?$`);

export type LadderParse =
  | { readonly ok: true; readonly steps: readonly LadderStep[] }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * Reads a ladder written as steps (`["sms", "voice@45", "email@120"]`): known
 * channels, the first step without a delay (it is sent at once), every later one
 * with a delay in seconds, strictly increasing and shorter than the code's life
 * (a step after expiry would carry a dead code).
 */
export function parseLadder(
  items: readonly string[],
  codeTtlSeconds: number,
  path = '/fallback',
): LadderParse {
  const errors: FieldError[] = [];
  if (items.length === 0 || items.length > MAX_LADDER_STEPS) {
    errors.push({ path, message: `must have 1 to ${MAX_LADDER_STEPS} steps` });
  }
  const steps: LadderStep[] = [];
  let previous = -1;
  items.forEach((item, i) => {
    const at = `${path}/${i}`;
    const match = STEP.exec(item.trim());
    const channel = match?.[1];
    if (!match || channel === undefined || !isDeliveryChannel(channel)) {
      errors.push({
        path: at,
        message: `must be a channel (${DELIVERY_CHANNELS.join(', ')}), then @seconds`,
      });
      return;
    }
    const delay = match[2] === undefined ? undefined : Number(match[2]);
    if (i === 0 && delay !== undefined && delay !== 0) {
      errors.push({ path: at, message: 'the first step is sent at once: it takes no delay' });
      return;
    }
    if (i > 0 && delay === undefined) {
      errors.push({ path: at, message: 'needs a delay in seconds, e.g. voice@60' });
      return;
    }
    const seconds = delay ?? 0;
    if (i > 0 && seconds <= previous) {
      errors.push({ path: at, message: 'delays must increase from step to step' });
      return;
    }
    if (seconds >= codeTtlSeconds) {
      errors.push({ path: at, message: `must come before the code expires (${codeTtlSeconds} s)` });
      return;
    }
    previous = seconds;
    steps.push({ channel, delaySeconds: seconds });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, steps };
}

/** ONETIME_FALLBACK's form: the steps separated by commas. */
export function splitLadderSetting(raw: string): string[] {
  return raw.split(',').map((s) => s.trim());
}

export function formatLadder(steps: readonly LadderStep[]): string {
  return steps.map((s, i) => (i === 0 ? s.channel : `${s.channel}@${s.delaySeconds}`)).join(',');
}

/** The user's active factor that a step of this channel goes to (the oldest of its channel). */
export function factorForStep(
  factors: readonly FactorRecord[],
  channel: DeliveryChannel,
  preferred?: string,
): (FactorRecord & { destination: string }) | undefined {
  const named = preferred !== undefined ? pickFactor(factors, { factorId: preferred }) : undefined;
  return named?.type === channel ? named : pickFactor(factors, { channel });
}

export interface LadderPlan {
  readonly steps: readonly FallbackStep[];
  /** The step sent with the challenge: the first one the user has a factor for. */
  readonly firstIndex: number;
  readonly firstFactor: FactorRecord & { destination: string };
}

/**
 * Plans a ladder against the user's factors at the time the challenge is sent. A
 * step of a channel the user has no active factor for is skipped (not an error);
 * the first step that has one is sent now, with `first` (the factor the request
 * named) taking the first step's place when given. Undefined when no step has a
 * factor at all.
 */
export function planLadder(
  written: readonly LadderStep[],
  factors: readonly FactorRecord[],
  now: number,
  first?: FactorRecord & { destination: string },
): LadderPlan | undefined {
  let firstIndex = -1;
  let firstFactor: (FactorRecord & { destination: string }) | undefined;
  const steps = written.map((w, i): FallbackStep => {
    const factor = i === 0 && first ? first : factorForStep(factors, w.channel);
    const dueAt = now + w.delaySeconds * 1000;
    if (!factor) return { channel: w.channel, dueAt, state: 'skipped', at: now, reason: 'no_factor' };
    const planned = {
      channel: w.channel,
      dueAt,
      factorId: factor.factorId,
      ...(factor.destinationMasked !== undefined ? { destinationMasked: factor.destinationMasked } : {}),
    };
    if (firstIndex >= 0) return { ...planned, state: 'scheduled' };
    firstIndex = i;
    firstFactor = factor;
    return { ...planned, state: 'sent', at: now, deliveryIndex: 0 };
  });
  if (firstIndex < 0 || !firstFactor) return undefined;
  return { steps, firstIndex, firstFactor };
}

/** A step that can still be sent: waiting for its time, or waiting without a timer. */
export function isWaiting(step: FallbackStep): boolean {
  return step.state === 'scheduled' || step.state === 'unscheduled';
}

/** The first step after `after` that can still be sent, or undefined when the ladder has none left. */
export function nextWaitingStep(ladder: Ladder | undefined, after = -1): number | undefined {
  if (!ladder) return undefined;
  for (let i = after + 1; i < ladder.steps.length; i++) {
    if (isWaiting(ladder.steps[i] as FallbackStep)) return i;
  }
  return undefined;
}

/** The step that sent delivery `deliveryIndex`, if a step did. */
export function stepOfDelivery(ladder: Ladder | undefined, deliveryIndex: number): number | undefined {
  const i = ladder?.steps.findIndex((s) => s.state === 'sent' && s.deliveryIndex === deliveryIndex) ?? -1;
  return i >= 0 ? i : undefined;
}

/** The status an answer shows (docs/api.md, "Fallback ladders"). */
export type StepStatus =
  'scheduled' | 'unscheduled' | 'sent' | 'delivered' | 'failed' | 'skipped' | 'canceled';

/**
 * What a step shows: a sent step takes its message's delivery status; a waiting
 * step of a challenge that is no longer pending (approved, reported, replaced,
 * expired) shows `canceled`, since nothing will send it.
 */
export function stepStatus(
  step: FallbackStep,
  challengePending: boolean,
  deliveries: ReadonlyArray<{ readonly status: DeliveryStatus }>,
): StepStatus {
  if (step.state === 'sent') {
    const delivery = step.deliveryIndex !== undefined ? deliveries[step.deliveryIndex] : undefined;
    return delivery?.status === 'delivered' || delivery?.status === 'failed' ? delivery.status : 'sent';
  }
  if (isWaiting(step) && !challengePending) return 'canceled';
  return step.state;
}

/**
 * A step that can no longer be sent: its challenge stopped (approved, reported,
 * replaced, expired), or the step was already sent or skipped. Not a problem to
 * answer: the step use case turns it into an outcome.
 */
export class StepNotWaitingError extends Error {
  override readonly name = 'StepNotWaitingError';
  constructor(readonly why: 'stopped' | 'taken') {
    super(why === 'stopped' ? 'the challenge is no longer pending' : 'the step was already sent or skipped');
  }
}
