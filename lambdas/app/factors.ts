/**
 * Factors: adding a phone, an email address or an authenticator app, activating it
 * with its first code, listing and removing. A new destination becomes usable only
 * once a code sent to it has been entered.
 */
import { isDeliveryChannel, type FactorType } from '../domain/channel';
import { hashRecoveryCode } from '../domain/codes';
import { judgeChallengeCode, normaliseEnteredCode } from '../domain/challenge-match';
import { normaliseDestination, phoneRules } from '../domain/destination';
import { FactorLimitReachedError, FactorNotFoundError, FactorNotPendingError } from '../domain/errors';
import { UnavailableError } from '../domain/refusal-errors';
import type { RequestContext } from '../domain/events';
import { slotOf, type FactorRecord } from '../domain/records';
import { checkCode, uncountedAnswer, type CodeCheck } from './attempts';
import type { Acceptance } from '../ports/verification-state';
import type { AppDeps } from './deps';
import { newEvent } from './events';
import type { IdempotencyRequest } from './idempotency';
import type { Reply } from './reply';
import { sendCode } from './send-code';
import { revokeAllDevices } from './devices';
import { checkTotp, totpTarget } from './totp';
import { addTotpFactor } from './totp-enrolment';
import { factorView, factorsBody, challengeView } from './views';
import { newRecoveryCodes } from './recovery-codes';

export interface AddFactorInput {
  readonly userId: string;
  readonly type: FactorType;
  readonly destination?: string;
  readonly label?: string;
  readonly locale?: string;
  readonly context?: RequestContext;
  readonly idempotency?: IdempotencyRequest;
  readonly keyName?: string;
}

export async function addFactor(deps: AppDeps, input: AddFactorInput): Promise<Reply> {
  const now = deps.clock.now();
  if (input.type === 'totp') return addTotpFactor(deps, input, now);
  const channel = input.type;
  if (!isDeliveryChannel(channel) || input.destination === undefined) {
    throw new Error('schema guarantees a destination for sms, voice and email');
  }
  const { value: destination, masked } = await normaliseDestination(
    channel,
    input.destination,
    phoneRules(deps.messaging),
  );
  const snapshot = await deps.state.loadUser(input.userId, now);
  // Adding the same destination again re-sends its enrolment code instead of making a twin.
  const existing = snapshot.factors.find((f) => f.type === channel && f.destination === destination);
  if (existing?.status === 'active') {
    return { statusCode: 200, body: { factor: factorView(existing) } };
  }
  if (!existing && snapshot.factors.length >= deps.policy.maxFactors) {
    throw new FactorLimitReachedError(deps.policy.maxFactors);
  }
  const factor: FactorRecord & { destination: string } = existing
    ? { ...existing, destination }
    : {
        userId: input.userId,
        factorId: deps.newId(),
        type: channel,
        status: 'pending',
        destination,
        destinationMasked: masked,
        ...(input.label !== undefined ? { label: input.label } : {}),
        createdAt: now,
      };
  return sendCode(
    deps,
    {
      userId: input.userId,
      purpose: 'enroll',
      factor,
      createsFactor: !existing,
      ...(input.keyName ? { keyName: input.keyName } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.context ? { context: input.context } : {}),
      ...(input.idempotency ? { idempotency: input.idempotency } : {}),
      reply: (sent) => ({
        statusCode: 201,
        body: { factor: factorView(factor), challenge: challengeView(sent) },
      }),
    },
    snapshot,
  );
}

const MAX_ROUNDS = 4;

export interface ActivateInput {
  readonly userId: string;
  readonly factorId: string;
  readonly code: string;
  readonly context?: RequestContext;
}

export async function activateFactor(deps: AppDeps, input: ActivateInput): Promise<Reply> {
  const key = await deps.secret.hmacKey();
  const entered = normaliseEnteredCode(input.code);
  return checkCode(deps, input.userId, async (snapshot, now): Promise<CodeCheck<Reply>> => {
    const factor = snapshot.factors.find((f) => f.factorId === input.factorId);
    if (!factor) throw new FactorNotFoundError();
    if (factor.status === 'active') throw new FactorNotPendingError();
    const channel = factor.type;
    const wrong: CodeCheck<Reply> = {
      kind: 'wrong',
      detail: { channel, factorId: factor.factorId, purpose: 'enroll', context: input.context },
    };

    let target: Acceptance['target'];
    if (channel === 'totp') {
      const match = await checkTotp(deps, [factor], entered, now);
      if (!match) return wrong;
      target = totpTarget(match);
    } else {
      const slot = slotOf('enroll', factor.factorId);
      const verdict = judgeChallengeCode(key, snapshot.challenges, slot, entered, now);
      if (verdict.kind === 'wrong') return wrong;
      if (verdict.kind !== 'match')
        return { kind: 'uncounted', answer: (left) => uncountedAnswer(verdict, left) };
      target = { kind: 'challenge', challengeId: verdict.challenge.challengeId, slot };
    }

    const recoveryCodes = snapshot.recovery ? undefined : newRecoveryCodes();
    return {
      kind: 'accept',
      acceptance: {
        target,
        factorId: factor.factorId,
        activate: true,
        ...(recoveryCodes
          ? {
              issueRecoveryCodes: {
                hashes: recoveryCodes.map((c) => hashRecoveryCode(key, c)),
                generatedAt: now,
              },
            }
          : {}),
        events: [
          newEvent(deps, input.userId, 'factor_activated', now, {
            channel,
            factorId: factor.factorId,
            context: input.context,
          }),
        ],
      },
      done: async () => {
        const active: FactorRecord = { ...factor, status: 'active', activatedAt: now, lastUsedAt: now };
        // The owner's other factors hear of the new one (a changed phone is how accounts are taken over).
        await deps.notifier.notify({
          userId: input.userId,
          kind: 'factor_added',
          exceptFactorId: factor.factorId,
          ...(factor.destinationMasked ? { detail: factor.destinationMasked } : {}),
        });
        return {
          statusCode: 200,
          body: { factor: factorView(active), ...(recoveryCodes ? { recoveryCodes } : {}) },
        };
      },
    };
  });
}

export async function listFactors(deps: AppDeps, userId: string): Promise<Reply> {
  const snapshot = await deps.state.loadUser(userId, deps.clock.now());
  return { statusCode: 200, body: factorsBody(snapshot) };
}

export async function removeFactor(
  deps: AppDeps,
  input: { userId: string; factorId: string; context?: RequestContext },
): Promise<Reply> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = deps.clock.now();
    const snapshot = await deps.state.loadUser(input.userId, now);
    const factor = snapshot.factors.find((f) => f.factorId === input.factorId);
    if (!factor) throw new FactorNotFoundError();
    const result = await deps.factors.deleteFactor({
      userId: input.userId,
      factorId: input.factorId,
      expectFactorsVersion: snapshot.state.factorsVersion,
      events: [
        newEvent(deps, input.userId, 'factor_removed', now, {
          channel: factor.type,
          factorId: factor.factorId,
          context: input.context,
        }),
      ],
    });
    if (result.ok) {
      await revokeAllDevices(deps, input.userId, input.context);
      await deps.notifier.notify({
        userId: input.userId,
        kind: 'factor_removed',
        exceptFactorId: factor.factorId,
        ...(factor.destinationMasked ? { detail: factor.destinationMasked } : {}),
      });
      return { statusCode: 204, body: undefined };
    }
  }
  throw new UnavailableError();
}
