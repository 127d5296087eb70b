/**
 * Sending a code to a factor: the one routine behind challenges, enrolment and
 * resends. It decides between repeating the current code and making a new one,
 * reserves the send in one atomic write (cooldown, caps, lock, supersession,
 * idempotency), and only then hands the message to the provider. A refusal is
 * recorded and answered `delivery_failed` with the user's other factors.
 */
import { isDeliveryChannel, type DeliveryChannel } from '../domain/channel';
import { deriveCode, keyedHash, newSeed } from '../domain/codes';
import {
  DeliveryFailedError,
  ResendTooSoonError,
  SendLimitExceededError,
  UnavailableError,
} from '../domain/refusal-errors';
import { type DomainError, type Alternative } from '../domain/errors';
import type { RequestContext } from '../domain/events';
import { secondsUntil } from '../domain/lockout';
import type { Language } from '../domain/catalogue';
import { chooseLocale } from '../domain/locale';
import { messageLocale, renderCodeMessage } from '../domain/messages';
import { reportToken, reportUrl } from '../domain/report-token';
import {
  isCurrent,
  slotOf,
  type ChallengeRecord,
  type FactorRecord,
  type UserSnapshot,
} from '../domain/records';
import {
  canReuse,
  checkCaps,
  cooldownKey,
  dayBucket,
  dayBucketEnd,
  hourBucket,
  hourBucketEnd,
  sendsRemainingAfter,
} from '../domain/send-limits';
import { capForm } from '../domain/destination';
import { phoneCountry } from '../domain/phone-numbers';
import type { Policy } from '../domain/policy';
import type {
  AbuseCounting,
  SendCounters,
  SendRefusalReason,
  SendReservation,
} from '../ports/verification-state';
import { SERVICE_SHARDS, abuseCounters, phonePrefix, type AbuseScope } from '../domain/abuse-limits';
import { randomInt } from 'node:crypto';
import type { Ladder } from '../domain/fallback';
import { assertNotLocked } from './attempts';
import { claimOf, stepTarget, withStep } from './fallback-claim';
import type { AppDeps } from './deps';
import { newEvent } from './events';
import { IDEMPOTENCY_TTL_MS, findReplay, storedProblem, type IdempotencyRequest } from './idempotency';
import { iso, type Reply } from './reply';

export interface SendCodeInput {
  readonly userId: string;
  readonly purpose: string;
  /** The factor to deliver to; for an enrolment, the pending factor being created or re-sent. */
  readonly factor: FactorRecord & { readonly destination: string };
  readonly context?: RequestContext;
  readonly idempotency?: IdempotencyRequest;
  /** The calling API key's name, counted by the abuse limits. @default 'default' */
  readonly keyName?: string;
  /** The request's BCP 47 `locale`; else the destination's country, else ONETIME_DEFAULT_LOCALE. */
  readonly locale?: string;
  /** Set when this send creates the factor. */
  readonly createsFactor?: boolean;
  /** Starts a fallback ladder: always a new code, carrying the planned ladder (this send is its first step). */
  readonly ladder?: Ladder;
  /** Sends step `index` of challenge `challengeId`'s ladder: its code again, the step taken in the same write. */
  readonly step?: { readonly challengeId: string; readonly index: number };
  /** Builds the success answer from the resulting challenge (stored for idempotent replays). */
  readonly reply: (sent: SentCode) => Reply;
}

export interface SentCode {
  readonly challenge: ChallengeRecord;
  readonly reusedCode: boolean;
  readonly resendAvailableAt: number;
  readonly sendsRemaining: number;
  /** The language the message is written in (the answer's `locale`). */
  readonly locale: Language;
}

const MAX_ROUNDS = 4;

export async function sendCode(deps: AppDeps, input: SendCodeInput, first?: UserSnapshot): Promise<Reply> {
  const { state, clock, policy } = deps;
  const channel = input.factor.type;
  if (!isDeliveryChannel(channel)) throw new Error(`factor type ${channel} cannot receive codes`);
  const key = await deps.secret.hmacKey();
  // Caps and cooldowns count the destination in its normal form, however it is spelled.
  const destinationHash = keyedHash(key, 'destination', capForm(channel, input.factor.destination));
  const chosen = await chooseLocale({
    requested: input.locale,
    destination: input.factor.destination,
    defaultLocale: deps.messaging.defaultLocale ?? 'en',
  });

  const abuse = await abuseCountingFor(deps, key, channel, input, clock.now());
  let snapshot = first ?? (await state.loadUser(input.userId, clock.now()));
  for (let round = 0; ; round++) {
    const now = clock.now();
    const replay = findReplay(snapshot.idempotent, input.idempotency);
    if (replay) return replay;

    assertNotLocked(snapshot.state, now, deps);

    const slot = slotOf(input.purpose, input.factor.factorId);
    const cdKey = cooldownKey(slot, channel, destinationHash);
    const lastSent = snapshot.state.cooldowns[cdKey];
    const cooldownEnd = lastSent === undefined ? 0 : lastSent + policy.resendCooldownSeconds * 1000;
    if (cooldownEnd > now) throw new ResendTooSoonError(iso(cooldownEnd), secondsUntil(cooldownEnd, now));
    const caps = checkCaps(snapshot.sendCounts, now, policy);
    if (!caps.ok) throw new SendLimitExceededError(caps.scope, secondsUntil(caps.retryAt, now));

    // The slot's one live code: the pointer on the user's state names it.
    const liveId = snapshot.state.live[slot];
    const live = snapshot.challenges.find((c) => c.challengeId === liveId);
    const current = live && isCurrent(live, now) ? live : undefined;
    // A ladder's step repeats its challenge's code whatever life it has left; a new ladder gets a new code.
    const target = input.step ? stepTarget(snapshot, input.step, now) : undefined;
    const reuse = target ?? (!input.ladder && canReuse(current, now, policy) ? current : undefined);
    const delivery = { channel, factorId: input.factor.factorId, at: now, status: 'sent' as const };
    const claimStep = target && input.step ? claimOf(target, input.step.index, input.factor, now) : undefined;
    const challenge: ChallengeRecord = reuse
      ? {
          ...reuse,
          channel,
          factorId: input.factor.factorId,
          destinationMasked: input.factor.destinationMasked ?? '',
          deliveries: [...reuse.deliveries, delivery],
          ...(claimStep && reuse.fallback
            ? { fallback: withStep(reuse.fallback, claimStep.index, claimStep.step) }
            : {}),
        }
      : {
          userId: input.userId,
          challengeId: deps.newId(),
          purpose: input.purpose,
          slot,
          seed: newSeed(),
          codeLength: policy.codeLength,
          factorId: input.factor.factorId,
          channel,
          destinationMasked: input.factor.destinationMasked ?? '',
          status: 'pending',
          createdAt: now,
          expiresAt: now + policy.codeTtlSeconds * 1000,
          deliveries: [delivery],
          ...(input.ladder ? { fallback: input.ladder } : {}),
        };
    const sent: SentCode = {
      challenge,
      reusedCode: reuse !== undefined,
      resendAvailableAt: now + policy.resendCooldownSeconds * 1000,
      sendsRemaining: sendsRemainingAfter(snapshot.sendCounts, policy),
      locale: messageLocale(
        {
          channel,
          purpose: input.purpose,
          ttlSeconds: messageTtlSeconds(challenge, now),
          codeLength: challenge.codeLength,
          locale: chosen.locale,
        },
        deps.messaging,
      ),
    };
    const reply = input.reply(sent);
    const supersedes = !reuse && live?.status === 'pending' ? live.challengeId : undefined;
    const events = [
      ...(input.createsFactor
        ? [
            newEvent(deps, input.userId, 'factor_added', now, {
              channel,
              factorId: input.factor.factorId,
              context: input.context,
            }),
          ]
        : []),
      newEvent(deps, input.userId, 'challenge_sent', now, {
        channel,
        factorId: input.factor.factorId,
        purpose: input.purpose,
        context: input.context,
      }),
    ];
    const reservation: SendReservation = {
      userId: input.userId,
      now,
      cooldownKey: cdKey,
      cooldownCutoff: now - policy.resendCooldownSeconds * 1000,
      ...(lastSent !== undefined ? { previousCooldown: lastSent } : {}),
      ...(snapshot.stateExists ? {} : { createsState: true }),
      slot,
      expectLive: liveId,
      challenge: reuse
        ? {
            kind: 'reuse',
            challengeId: reuse.challengeId,
            delivery,
            deliveryIndex: reuse.deliveries.length,
            destinationMasked: input.factor.destinationMasked ?? '',
            ...(claimStep ? { claimStep } : {}),
          }
        : { kind: 'new', record: challenge, ...(supersedes ? { supersedes } : {}) },
      ...(input.createsFactor
        ? { newFactor: { record: input.factor, expectFactorsVersion: snapshot.state.factorsVersion } }
        : {}),
      counters: sendCounters(policy, destinationHash, now),
      // Only a language the caller asked for is the user's own, kept for later notices.
      ...(chosen.source === 'request' ? { locale: chosen.locale } : {}),
      retentionSeconds: policy.challengeRetentionSeconds,
      stale: snapshot.stale,
      events,
      ...(abuse ? { abuse } : {}),
      ...(input.idempotency
        ? {
            idempotency: {
              ...input.idempotency,
              statusCode: reply.statusCode,
              body: JSON.stringify(reply.body),
              expiresAt: now + IDEMPOTENCY_TTL_MS,
            },
          }
        : {}),
    };

    const result = await state.reserveSend(reservation);
    if (!result.ok) {
      switch (result.reason) {
        case 'idempotent':
          return findReplay([result.response], input.idempotency) ?? reply;
        case 'cooldown':
        case 'user_hour':
        case 'destination_hour':
        case 'user_day':
        case 'destination_day':
          throw sendRefusalError(result.reason, now, now + policy.resendCooldownSeconds * 1000);
        case 'abuse':
          throw await blockedSend(deps, input, snapshot, result.scope, now);
        case 'locked':
        case 'conflict':
          // The state changed under us (a lock began, a code was replaced): read again and decide again.
          if (round + 1 >= MAX_ROUNDS) throw new UnavailableError();
          snapshot = await state.loadUser(input.userId, clock.now());
          continue;
      }
    }

    await deliver(deps, input, snapshot, challenge, key, now, chosen.locale);
    return reply;
  }
}

async function deliver(
  deps: AppDeps,
  input: SendCodeInput,
  snapshot: UserSnapshot,
  challenge: ChallengeRecord,
  key: Buffer,
  now: number,
  locale: Language,
): Promise<void> {
  const channel = challenge.channel;
  const message = renderCodeMessage(
    {
      channel,
      to: input.factor.destination,
      code: deriveCode(key, challenge.seed, challenge.codeLength),
      purpose: input.purpose,
      ttlSeconds: messageTtlSeconds(challenge, now),
      locale,
      // No report link in enrolment emails: the address being added may not be the owner's,
      // and its holder must not be able to sign the owner's devices out.
      ...(channel === 'email' && input.purpose !== 'enroll' && deps.messaging.publicUrl
        ? {
            reportUrl: reportUrl(
              deps.messaging.publicUrl,
              reportToken(key, {
                userId: input.userId,
                challengeId: challenge.challengeId,
                expiresAt: challenge.expiresAt + deps.policy.challengeRetentionSeconds * 1000,
              }),
            ),
          }
        : {}),
    },
    deps.messaging,
  );
  const reference = {
    userId: input.userId,
    challengeId: challenge.challengeId,
    deliveryIndex: challenge.deliveries.length - 1,
  };
  try {
    await deps.senders[channel].send({ ...message, reference });
  } catch (cause) {
    const failure = new DeliveryFailedError(channel, alternativesTo(snapshot, input.factor.factorId));
    failure.cause = cause;
    await deps.messages.recordDeliveryFailure({
      userId: input.userId,
      challengeId: challenge.challengeId,
      deliveryIndex: challenge.deliveries.length - 1,
      now: deps.clock.now(),
      events: [
        newEvent(deps, input.userId, 'challenge_delivery_failed', deps.clock.now(), {
          channel,
          factorId: input.factor.factorId,
          purpose: input.purpose,
          context: input.context,
        }),
      ],
      ...(input.idempotency
        ? {
            idempotency: {
              ...input.idempotency,
              body: storedProblem(failure),
              expiresAt: now + IDEMPOTENCY_TTL_MS,
            },
          }
        : {}),
    });
    throw failure;
  }
}

/** The life a message states: what is left of the code, never less than a minute. */
function messageTtlSeconds(challenge: ChallengeRecord, now: number): number {
  return Math.max(60, Math.round((challenge.expiresAt - now) / 1000));
}

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

/** SMS and voice: the abuse limits' counters this send takes (docs/api.md, "Abuse defences"). */
async function abuseCountingFor(
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
async function blockedSend(
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
