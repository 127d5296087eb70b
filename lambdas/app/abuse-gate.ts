/**
 * The abuse limits (lambdas/domain/abuse-limits.ts) for SMS and voice that are not
 * code sends: delivery codes and their resends, and owner notices. They draw on the
 * same prefix, country, IP, key and service counters as codes do, so a pumping
 * attack cannot move to the delivery route; they are not judged by the conversion
 * guard (a courier, not the number's holder, enters a delivery code, and nobody
 * enters a notice). Email is never counted.
 */
import { SERVICE_SHARDS, abuseCounters, phonePrefix } from '../domain/abuse-limits';
import type { DeliveryChannel } from '../domain/channel';
import { keyedHash } from '../domain/codes';
import { SendLimitExceededError } from '../domain/refusal-errors';
import type { RequestContext } from '../domain/events';
import { secondsUntil } from '../domain/lockout';
import { phoneCountry } from '../domain/phone-numbers';
import { hourBucket, hourBucketEnd } from '../domain/send-limits';
import type { AbuseCounting } from '../ports/verification-state';
import { randomInt } from 'node:crypto';
import type { AppDeps } from './deps';
import { newEvent } from './events';

export interface AbuseSend {
  readonly channel: DeliveryChannel;
  readonly destination: string;
  readonly context?: RequestContext;
  /** The calling API key's name. @default 'default' */
  readonly keyName?: string;
}

/** The counters one SMS or voice message takes; undefined for email. */
export async function abuseCountingTo(
  deps: Pick<AppDeps, 'policy'>,
  key: Buffer,
  send: AbuseSend,
  now: number,
): Promise<AbuseCounting | undefined> {
  if (send.channel === 'email') return undefined;
  const country = await phoneCountry(send.destination);
  const counters = abuseCounters(
    {
      channel: send.channel,
      prefixHash: keyedHash(key, 'prefix', phonePrefix(send.destination)),
      ...(country ? { country } : {}),
      ...(send.context?.ip ? { ipHash: keyedHash(key, 'ip', send.context.ip) } : {}),
      keyName: send.keyName ?? 'default',
      shard: randomInt(SERVICE_SHARDS),
    },
    deps.policy,
  );
  return { counters, hourBucket: hourBucket(now) };
}

/**
 * Counts a delivery code's SMS or voice message before it is reserved; a refusal is
 * recorded on the user's activity (`send_blocked`) and answered 429 with its scope.
 * The caller takes the counts back (`store.uncountAbuse`) if its own write refuses.
 */
export async function gateAbuse(
  deps: AppDeps,
  key: Buffer,
  send: AbuseSend & { readonly userId: string; readonly purpose: string },
  now: number,
): Promise<AbuseCounting | undefined> {
  const counting = await abuseCountingTo(deps, key, send, now);
  if (!counting) return undefined;
  const outcome = await deps.state.countAbuse(counting);
  if (outcome.ok) return counting;
  await deps.activity.recordEvents([
    newEvent(deps, send.userId, 'send_blocked', now, {
      channel: send.channel,
      purpose: send.purpose,
      reason: outcome.scope,
      ...(send.context ? { context: send.context } : {}),
    }),
  ]);
  deps.outcomes.record({ kind: 'send_blocked', scope: outcome.scope, reason: 'rate_limit' });
  throw new SendLimitExceededError(outcome.scope, secondsUntil(hourBucketEnd(now), now), []);
}
