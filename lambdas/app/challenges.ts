/**
 * Challenges: sending a code to one of the user's factors, and reading back how
 * that went.
 */
import type { DeliveryChannel } from '../domain/channel';
import { NoActiveFactorError, NotFoundError } from '../domain/errors';
import type { RequestContext } from '../domain/events';
import { pickFactor, type ChallengeRecord } from '../domain/records';
import type { AppDeps } from './deps';
import { challengeView } from './views';
import { fallbackView } from './fallback-view';
import type { IdempotencyRequest } from './idempotency';
import { iso, type Reply } from './reply';
import { sendCode } from './send-code';

export interface StartChallengeInput {
  readonly userId: string;
  readonly purpose: string;
  readonly factorId?: string;
  readonly channel?: DeliveryChannel;
  /** The request's BCP 47 `locale`, matched to a catalogue language by sendCode. */
  readonly locale?: string;
  readonly context?: RequestContext;
  readonly idempotency?: IdempotencyRequest;
  readonly keyName?: string;
  /** A fallback ladder: `true` for the policy's, or its steps (docs/api.md, "Fallback ladders"). */
  readonly fallback?: boolean | readonly string[];
}

export async function startChallenge(deps: AppDeps, input: StartChallengeInput): Promise<Reply> {
  const snapshot = await deps.state.loadUser(input.userId, deps.clock.now());
  const factor = pickFactor(snapshot.factors, input);
  if (!factor) {
    throw new NoActiveFactorError(
      input.factorId !== undefined
        ? 'That factor does not exist or is not active.'
        : input.channel !== undefined
          ? `The user has no active ${input.channel} factor.`
          : 'The user has no active factor that can receive a code.',
    );
  }
  return sendCode(
    deps,
    {
      userId: input.userId,
      purpose: input.purpose,
      factor,
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.context ? { context: input.context } : {}),
      ...(input.idempotency ? { idempotency: input.idempotency } : {}),
      ...(input.keyName ? { keyName: input.keyName } : {}),
      reply: (sent) => ({ statusCode: 202, body: challengeView(sent) }),
    },
    snapshot,
  );
}

export function challengeStatus(
  c: ChallengeRecord,
  now: number,
): 'pending' | 'approved' | 'expired' | 'superseded' | 'canceled' {
  if (c.status === 'pending' && c.expiresAt <= now) return 'expired';
  return c.status;
}

export async function getChallenge(deps: AppDeps, userId: string, challengeId: string): Promise<Reply> {
  const now = deps.clock.now();
  const c = await deps.state.getChallenge(userId, challengeId, now);
  if (!c) throw new NotFoundError('No such challenge for this user.');
  const last = c.deliveries[c.deliveries.length - 1];
  return {
    statusCode: 200,
    body: {
      challengeId: c.challengeId,
      purpose: c.purpose,
      status: challengeStatus(c, now),
      channel: c.channel,
      factorId: c.factorId,
      destinationMasked: c.destinationMasked,
      expiresAt: iso(c.expiresAt),
      delivery: last
        ? { status: last.status, at: iso(last.statusAt ?? last.at) }
        : { status: 'unknown' as const },
      codeLength: c.codeLength,
      ...(c.fallback ? { fallback: fallbackView(c, challengeStatus(c, now) === 'pending') } : {}),
    },
  };
}
