/**
 * Hands a reserved send's message to its channel's provider. A refusal is recorded
 * on the message (with the refusal kept as the idempotent answer) and answered
 * `delivery_failed` with the user's other factors.
 */
import { deriveCode } from '../domain/codes';
import type { Language } from '../domain/catalogue';
import { renderCodeMessage } from '../domain/messages';
import type { ChallengeRecord, UserSnapshot } from '../domain/records';
import { DeliveryFailedError } from '../domain/refusal-errors';
import { reportToken, reportUrl } from '../domain/report-token';
import type { AppDeps } from './deps';
import { newEvent } from './events';
import { IDEMPOTENCY_TTL_MS, storedProblem } from './idempotency';
import { alternativesTo } from './send-caps';
import type { SendCodeInput } from './send-code';

export async function handOff(
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
    deps.outcomes.record({ kind: 'code_sent', channel });
  } catch (cause) {
    deps.outcomes.record({ kind: 'delivery_failed', channel });
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
export function messageTtlSeconds(challenge: ChallengeRecord, now: number): number {
  return Math.max(60, Math.round((challenge.expiresAt - now) / 1000));
}
