/**
 * The abuse limits on SMS and voice sends (docs/api.md, "Abuse defences"): which
 * counters a send takes, and the answer when one refuses.
 */
import { randomInt } from 'node:crypto';
import { SERVICE_SHARDS, abuseCounters, phonePrefix, type AbuseScope } from '../domain/abuse-limits';
import type { DeliveryChannel } from '../domain/channel';
import { keyedHash } from '../domain/codes';
import type { DomainError } from '../domain/errors';
import { secondsUntil } from '../domain/lockout';
import { phoneCountry } from '../domain/phone-numbers';
import type { UserSnapshot } from '../domain/records';
import { SendLimitExceededError } from '../domain/refusal-errors';
import { hourBucket, hourBucketEnd } from '../domain/send-limits';
import type { AbuseCounting } from '../ports/verification-state';
import type { AppDeps } from './deps';
import { newEvent } from './events';
import { alternativesTo } from './send-caps';
import type { SendCodeInput } from './send-code';

/** SMS and voice: the abuse limits' counters this send takes (docs/api.md, "Abuse defences"). */
export async function abuseCountingFor(
  deps: AppDeps,
  key: Buffer,
  channel: DeliveryChannel,
  input: Pick<SendCodeInput, 'factor' | 'context' | 'keyName'>,
  now: number,
): Promise<AbuseCounting | undefined> {
  if (channel === 'email') return undefined;
  const destination = input.factor.destination;
  const context = input.context;
  const country = await phoneCountry(destination);
  const counters = abuseCounters(
    {
      channel,
      prefixHash: keyedHash(key, 'prefix', phonePrefix(destination)),
      ...(country ? { country } : {}),
      ...(context?.ip ? { ipHash: keyedHash(key, 'ip', context.ip) } : {}),
      keyName: input.keyName ?? 'default',
      shard: randomInt(SERVICE_SHARDS),
    },
    deps.policy,
  );
  return { counters, hourBucket: hourBucket(now) };
}

/** A send an abuse limit refused: nothing was sent or kept; the owner's record says so. */
export async function blockedSend(
  deps: AppDeps,
  input: SendCodeInput,
  snapshot: UserSnapshot,
  scope: AbuseScope,
  now: number,
): Promise<DomainError> {
  await deps.activity.recordEvents([
    newEvent(deps, input.userId, 'send_blocked', now, {
      channel: input.factor.type as DeliveryChannel,
      factorId: input.factor.factorId,
      purpose: input.purpose,
      reason: scope,
      context: input.context,
    }),
  ]);
  return new SendLimitExceededError(
    scope,
    secondsUntil(hourBucketEnd(now), now),
    alternativesTo(snapshot, input.factor.factorId),
  );
}
