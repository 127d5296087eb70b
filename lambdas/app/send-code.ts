/**
 * Sending a code to a factor: the one routine behind challenges, enrolment and
 * resends. It decides between repeating the current code and making a new one,
 * reserves the send in one atomic write (cooldown, caps, lock, supersession,
 * idempotency), and only then hands the message to the provider. A refusal is
 * recorded and answered `delivery_failed` with the user's other factors.
 */
import { isDeliveryChannel } from '../domain/channel';
import { keyedHash, newSeed } from '../domain/codes';
import {
  DestinationBlockedError,
  ResendTooSoonError,
  SendLimitExceededError,
  UnavailableError,
} from '../domain/refusal-errors';
import type { RequestContext } from '../domain/events';
import { secondsUntil } from '../domain/lockout';
import type { Language } from '../domain/catalogue';
import { chooseLocale } from '../domain/locale';
import { messageLocale } from '../domain/messages';
import {
  isCurrent,
  slotOf,
  type ChallengeRecord,
  type FactorRecord,
  type UserSnapshot,
} from '../domain/records';
import { canReuse, checkCaps, cooldownKey, sendsRemainingAfter } from '../domain/send-limits';
import { capForm } from '../domain/destination';
import type { SendReservation } from '../ports/verification-state';
import { assertNotLocked } from './attempts';
import type { Ladder } from '../domain/fallback';
import { claimOf, stepTarget, withStep } from './fallback-claim';

import type { AppDeps } from './deps';
import { newEvent } from './events';
import { IDEMPOTENCY_TTL_MS, findReplay, type IdempotencyRequest } from './idempotency';
import { lowConversionRefusal, recordFlagged } from './conversion';
import { iso, type Reply } from './reply';
import { abuseCountingFor, blockedSend, countryAllowed, sendOf } from './abuse-guard';
import { handOff, messageTtlSeconds } from './hand-off';
import { alternativesTo, sendCounters, sendRefusalError } from './send-caps';

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
  // A factor enrolled before its country left the allow-list gets no more SMS or voice.
  if (abuse && !(await countryAllowed(deps, input.factor.destination))) {
    await deps.activity.recordEvents([
      newEvent(deps, input.userId, 'send_blocked', clock.now(), {
        ...sendOf(input),
        reason: 'country_not_allowed',
      }),
    ]);
    deps.outcomes.record({ kind: 'send_blocked', scope: 'destination', reason: 'country_not_allowed' });
    throw new DestinationBlockedError('country_not_allowed', alternativesTo(snapshot, input.factor.factorId));
  }
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
        case 'low_conversion':
          throw await lowConversionRefusal(
            deps,
            sendOf(input),
            result.block,
            alternativesTo(snapshot, input.factor.factorId),
            now,
          );
        case 'locked':
        case 'conflict':
          // The state changed under us (a lock began, a code was replaced): read again and decide again.
          if (round + 1 >= MAX_ROUNDS) throw new UnavailableError();
          snapshot = await state.loadUser(input.userId, clock.now());
          continue;
      }
    }

    await handOff(deps, input, snapshot, challenge, key, now, chosen.locale);
    return result.flagged ? recordFlagged(deps, sendOf(input), result.flagged, reply, now) : reply;
  }
}
