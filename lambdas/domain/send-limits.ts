/**
 * Resend rules (docs/api.md, "Challenges" and "Policy"): when a resend repeats the current code, when it must
 * make a new one, the cooldown per user + purpose + channel, and the hourly and
 * daily caps. Caps count fixed clock windows (UTC hours and days), which the store
 * can enforce with a single conditional counter; see docs/decisions.md.
 */
import type { Policy } from './policy';
import type { DeliveryChannel } from './channel';
import { isCurrent, type ChallengeRecord } from './records';

export const hourBucket = (now: number) => Math.floor(now / 3_600_000);
export const dayBucket = (now: number) => Math.floor(now / 86_400_000);
export const hourBucketEnd = (now: number) => (hourBucket(now) + 1) * 3_600_000;
export const dayBucketEnd = (now: number) => (dayBucket(now) + 1) * 86_400_000;

/** The challenge whose code is current in a slot, if any (pending and unexpired). */
export function currentChallenge(
  challenges: readonly ChallengeRecord[],
  slot: string,
  now: number,
): ChallengeRecord | undefined {
  return challenges
    .filter((c) => c.slot === slot && isCurrent(c, now))
    .sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** Repeat the current code while it has enough life left, so codes arriving out of order all work. */
export function canReuse(current: ChallengeRecord | undefined, now: number, policy: Policy): boolean {
  return current !== undefined && current.expiresAt - now >= policy.reuseMinRemainingSeconds * 1000;
}

/**
 * Cooldown key. Enrolment is keyed by destination rather than factor, so re-adding
 * the same number cannot be used to skip the cooldown.
 */
export function cooldownKey(slot: string, channel: DeliveryChannel, destinationHash: string): string {
  return slot.startsWith('enroll:') ? `enroll#${destinationHash}#${channel}` : `${slot}#${channel}`;
}

export type CapVerdict =
  { readonly ok: true } | { readonly ok: false; readonly scope: 'hour' | 'day'; readonly retryAt: number };

/** Checks the user's own counts as read; the store re-checks them (and the destination's) atomically. */
export function checkCaps(counts: { hour: number; day: number }, now: number, policy: Policy): CapVerdict {
  if (counts.day >= policy.maxSendsPerDay) return { ok: false, scope: 'day', retryAt: dayBucketEnd(now) };
  if (counts.hour >= policy.maxSendsPerHour) return { ok: false, scope: 'hour', retryAt: hourBucketEnd(now) };
  return { ok: true };
}

/** How many more sends the caps allow after this one. */
export function sendsRemainingAfter(counts: { hour: number; day: number }, policy: Policy): number {
  return Math.max(0, Math.min(policy.maxSendsPerHour - counts.hour, policy.maxSendsPerDay - counts.day) - 1);
}
