/**
 * The conversion guard in the use cases (lambdas/domain/conversion-guard.ts): what a
 * code send asks the store to judge, what an approval credits, and what a blocked
 * or flagged send records. Only code sends (challenges, enrolment) count: delivery
 * codes and notices share the rate limits but are not entered by the person who
 * asked, so they would say nothing about a prefix's conversion.
 */
import type { DeliveryChannel } from '../domain/channel';
import { keyedHash } from '../domain/codes';
import { phonePrefix } from '../domain/abuse-limits';
import type { ConversionCheck } from '../domain/conversion-guard';
import type { DomainError } from '../domain/errors';
import { DestinationBlockedError } from '../domain/refusal-errors';
import type { RequestContext } from '../domain/events';
import { secondsUntil } from '../domain/lockout';
import { phoneCountry } from '../domain/phone-numbers';
import type { FactorRecord, UserSnapshot } from '../domain/records';
import { hourBucket } from '../domain/send-limits';
import type { Acceptance, ConversionBlock, ConversionCredit } from '../ports/verification-state';
import type { AppDeps } from './deps';
import { newEvent } from './events';
import type { Reply } from './reply';

/** What a code send to `factor` asks the store to judge; none for email or with the guard off. */
export function conversionCheck(
  deps: AppDeps,
  factor: FactorRecord,
  now: number,
): ConversionCheck | undefined {
  if (factor.type !== 'sms' && factor.type !== 'voice') return undefined;
  if (deps.policy.conversionGuard === 'off') return undefined;
  // A number its owner verified proved it is no pumping sink: not judged, and left out of the
  // conversion, so its approvals cannot buy an attack's sends their way through a country.
  return { thresholds: deps.policy, now, exempt: factor.status === 'active' };
}

/** The prefix and country an approved SMS or voice code credits; undefined for anything else. */
export async function conversionCredit(
  deps: AppDeps,
  snapshot: UserSnapshot,
  acceptance: Pick<Acceptance, 'target'>,
  now: number,
): Promise<ConversionCredit | undefined> {
  if (deps.policy.conversionGuard === 'off' || acceptance.target.kind !== 'challenge') return undefined;
  const challengeId = acceptance.target.challengeId;
  const challenge = snapshot.challenges.find((c) => c.challengeId === challengeId);
  if (!challenge || !challenge.deliveries.some((d) => d.channel === 'sms' || d.channel === 'voice')) {
    return undefined;
  }
  const factor = snapshot.factors.find((f) => f.factorId === challenge.factorId);
  const destination = factor?.destination;
  if (!factor || (factor.type !== 'sms' && factor.type !== 'voice') || !destination) return undefined;
  // Codes to verified numbers are not counted (conversionCheck), so their approvals are not either.
  if (factor.status === 'active') return undefined;
  const key = await deps.secret.hmacKey();
  const country = await phoneCountry(destination);
  return {
    prefixHash: keyedHash(key, 'prefix', phonePrefix(destination)),
    ...(country ? { country } : {}),
    hourBucket: hourBucket(now),
  };
}

/**
 * Credits the approval beside the acceptance (one round trip), and takes it back if
 * the acceptance was refused. Best effort: a credit lost to a failing database only
 * under-counts approvals, and must not fail a verification that was accepted.
 */
export async function acceptWithCredit<T extends { ok: boolean }>(
  deps: AppDeps,
  credit: ConversionCredit | undefined,
  accept: () => Promise<T>,
): Promise<T> {
  if (!credit) return accept();
  const [outcome, credited] = await Promise.allSettled([accept(), deps.state.creditConversion(credit, 1)]);
  const accepted = outcome.status === 'fulfilled' && outcome.value.ok;
  if (!accepted && credited.status === 'fulfilled') {
    await deps.state.creditConversion(credit, -1).catch(() => undefined);
  }
  if (outcome.status === 'rejected') throw outcome.reason;
  return outcome.value;
}

interface BlockedSend {
  readonly userId: string;
  readonly channel: DeliveryChannel;
  readonly factorId: string;
  readonly purpose: string;
  readonly context?: RequestContext;
}

/** A send the guard blocked: the owner's record says so, and the answer names the way round it. */
export async function lowConversionRefusal(
  deps: AppDeps,
  send: BlockedSend,
  block: ConversionBlock,
  alternatives: DestinationBlockedError['alternatives'],
  now: number,
): Promise<DomainError> {
  await deps.activity.recordEvents([
    newEvent(deps, send.userId, 'send_blocked', now, { ...eventOf(send), reason: 'low_conversion' }),
  ]);
  deps.outcomes.record({ kind: 'send_blocked', scope: block.scope, reason: 'low_conversion' });
  return new DestinationBlockedError('low_conversion', alternatives, {
    scope: block.scope,
    retryAfterSeconds: secondsUntil(block.until, now),
  });
}

/** Monitor mode: the send went, and the owner's record and the metrics say it would have been blocked. */
export async function recordFlagged(
  deps: AppDeps,
  send: BlockedSend,
  block: ConversionBlock,
  reply: Reply,
  now: number,
): Promise<Reply> {
  await deps.activity.recordEvents([
    newEvent(deps, send.userId, 'send_flagged', now, { ...eventOf(send), reason: 'low_conversion' }),
  ]);
  deps.outcomes.record({
    kind: 'send_flagged',
    scope: block.scope,
    reason: 'low_conversion',
    channel: send.channel,
  });
  return reply;
}

function eventOf(send: BlockedSend) {
  return {
    channel: send.channel,
    factorId: send.factorId,
    purpose: send.purpose,
    ...(send.context ? { context: send.context } : {}),
  };
}
