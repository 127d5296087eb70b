/**
 * The caps a send counts against and the answers when one refuses: the user's and
 * the destination's hourly and daily caps, the cooldown, and the alternatives named.
 */
import { isDeliveryChannel, type DeliveryChannel } from '../domain/channel';
import type { Alternative, DomainError } from '../domain/errors';
import { secondsUntil } from '../domain/lockout';
import type { Policy } from '../domain/policy';
import type { UserSnapshot } from '../domain/records';
import { ResendTooSoonError, SendLimitExceededError } from '../domain/refusal-errors';
import { dayBucket, dayBucketEnd, hourBucket, hourBucketEnd } from '../domain/send-limits';
import type { SendCounters, SendRefusalReason } from '../ports/verification-state';
import { iso } from './reply';

/** The user's other active factors that can receive a code (`alternatives` in docs/api.md). */
export function alternativesTo(snapshot: UserSnapshot, failedFactorId: string): Alternative[] {
  const alternatives: Alternative[] = [];
  for (const f of snapshot.factors) {
    if (f.factorId === failedFactorId || f.status !== 'active' || !isDeliveryChannel(f.type)) continue;
    alternatives.push({
      factorId: f.factorId,
      channel: f.type as DeliveryChannel,
      destinationMasked: f.destinationMasked ?? '',
    });
  }
  return alternatives;
}

/** The per-user and per-destination caps one send counts against (UTC clock hour and day). */
export function sendCounters(policy: Policy, destinationHash: string, now: number): SendCounters {
  return {
    destinationHash,
    hourBucket: hourBucket(now),
    dayBucket: dayBucket(now),
    maxPerHour: policy.maxSendsPerHour,
    maxPerDay: policy.maxSendsPerDay,
  };
}

/** The answer to a send refused for its cooldown (ending at `cooldownEnd`) or one of the caps. */
export function sendRefusalError(reason: SendRefusalReason, now: number, cooldownEnd: number): DomainError {
  if (reason === 'cooldown') return new ResendTooSoonError(iso(cooldownEnd), secondsUntil(cooldownEnd, now));
  return reason.endsWith('hour')
    ? new SendLimitExceededError('hour', secondsUntil(hourBucketEnd(now), now))
    : new SendLimitExceededError('day', secondsUntil(dayBucketEnd(now), now));
}
