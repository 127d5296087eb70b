/**
 * A challenge's fallback ladder as stored inside its challenge entry (member `l`),
 * with short member names like the rest of the entry, and the one condition every
 * change of a step is written under: the step is still waiting. That condition is
 * what makes a step send once, however many invocations race for it.
 *
 * l: { s steps, k API key name, i end user's IP }; a step: { c channel, w due,
 * t state, f factor, m masked destination, x delivery index, a at, r skip reason }.
 */
import type { FallbackStep, Ladder, SkipReason, StepState } from '../../domain/fallback';
import type { DeliveryChannel } from '../../domain/channel';

/** Drops undefined members (as item-mapping's `defined`; not imported, which would make a cycle). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export interface StepEntry {
  readonly c: string;
  readonly w: number;
  readonly t: string;
  readonly f?: string;
  readonly m?: string;
  readonly x?: number;
  readonly a?: number;
  readonly r?: string;
}

export interface LadderEntry {
  readonly s: readonly StepEntry[];
  readonly k?: string;
  readonly i?: string;
}

export function stepToEntry(s: FallbackStep): StepEntry {
  return defined({
    c: s.channel,
    w: s.dueAt,
    t: s.state,
    f: s.factorId,
    m: s.destinationMasked,
    x: s.deliveryIndex,
    a: s.at,
    r: s.reason,
  });
}

export function ladderToEntry(l: Ladder): LadderEntry {
  return defined({ s: l.steps.map(stepToEntry), k: l.keyName, i: l.ip });
}

export function ladderFromEntry(e: LadderEntry): Ladder {
  return defined({
    steps: (e.s ?? []).map((s) =>
      defined({
        channel: s.c as DeliveryChannel,
        dueAt: s.w,
        state: s.t as StepState,
        factorId: s.f,
        destinationMasked: s.m,
        deliveryIndex: s.x,
        at: s.a,
        reason: s.r as SkipReason | undefined,
      }),
    ),
    keyName: e.k,
    ip: e.i,
  });
}

/** The document path of step `index` inside the challenge entry named `challengeName`. */
export function stepPath(challengeName: string, index: number): string {
  return `${challengeName}.l.s[${index}]`;
}

/** The step is still waiting (scheduled, or waiting without a timer): nothing has sent or skipped it. */
export function stepWaiting(path: string): string {
  return `${path}.t IN (:stepScheduled, :stepUnscheduled)`;
}

export const STEP_WAITING_VALUES = { ':stepScheduled': 'scheduled', ':stepUnscheduled': 'unscheduled' };
