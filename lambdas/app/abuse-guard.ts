/**
 * The abuse limits on SMS and voice sends (docs/api.md, "Abuse defences"): which
 * counters a send takes, and the answer when one refuses.
 */
import { type AbuseScope } from '../domain/abuse-limits';
import type { DeliveryChannel } from '../domain/channel';
import type { DomainError } from '../domain/errors';
import { secondsUntil } from '../domain/lockout';
import { phoneCountry } from '../domain/phone-numbers';
import type { UserSnapshot } from '../domain/records';
import { SendLimitExceededError } from '../domain/refusal-errors';
import { hourBucketEnd } from '../domain/send-limits';
import type { AbuseCounting } from '../ports/verification-state';
import type { AppDeps } from './deps';
import { newEvent } from './events';
import { alternativesTo } from './send-caps';
import type { SendCodeInput } from './send-code';
import { abuseCountingTo } from './abuse-gate';
import { conversionCheck } from './conversion';

/** SMS and voice: the abuse limits' counters this send takes, with the conversion guard's check. */
export async function abuseCountingFor(
  deps: AppDeps,
  key: Buffer,
  channel: DeliveryChannel,
  input: Pick<SendCodeInput, 'factor' | 'context' | 'keyName'>,
  now: number,
): Promise<AbuseCounting | undefined> {
  const counting = await abuseCountingTo(
    deps,
    key,
    {
      channel,
      destination: input.factor.destination,
      ...(input.context ? { context: input.context } : {}),
      ...(input.keyName ? { keyName: input.keyName } : {}),
    },
    now,
  );
  const conversion = counting && conversionCheck(deps, input.factor, now);
  return counting && conversion ? { ...counting, conversion } : counting;
}

/** True when the operator's allow-list (`ONETIME_SMS_ALLOWED_COUNTRIES`; empty = any) has the number's country. */
export async function countryAllowed(deps: AppDeps, destination: string): Promise<boolean> {
  const allowed = deps.messaging.smsAllowedCountries ?? [];
  if (allowed.length === 0) return true;
  const country = await phoneCountry(destination);
  return country !== undefined && allowed.includes(country);
}

/** The send as the conversion guard's records name it. */
export function sendOf(input: SendCodeInput) {
  return {
    userId: input.userId,
    channel: input.factor.type as DeliveryChannel,
    factorId: input.factor.factorId,
    purpose: input.purpose,
    ...(input.context ? { context: input.context } : {}),
  };
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
  deps.outcomes.record({ kind: 'send_blocked', scope, reason: 'rate_limit' });
  return new SendLimitExceededError(
    scope,
    secondsUntil(hourBucketEnd(now), now),
    alternativesTo(snapshot, input.factor.factorId),
  );
}
