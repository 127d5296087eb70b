/**
 * POST /v1/users/{userId}/verify: checks a challenge code, a recovery code or an
 * authenticator code, by the method given or inferred as SPEC §2 states.
 */
import { hashRecoveryCode, looksLikeRecoveryCode } from '../domain/codes';
import { judgeChallengeCode, normaliseEnteredCode } from '../domain/challenge-match';
import { NoActiveFactorError, UnavailableError } from '../domain/errors';
import type { RequestContext } from '../domain/events';
import type { UserSnapshot } from '../domain/records';
import { currentChallenge } from '../domain/send-limits';
import type { Acceptance } from '../ports/store';
import { assertNotLocked, countWrongCode, uncountedAnswer } from './attempts';
import type { AppDeps } from './deps';
import { newEvent } from './events';
import { issueDevice } from './devices';
import { iso, type Reply } from './reply';
import { checkTotp, totpTarget } from './totp';

export type VerifyMethod = 'challenge' | 'totp' | 'recovery_code';

export interface VerifyInput {
  readonly userId: string;
  readonly code: string;
  readonly purpose: string;
  readonly method?: VerifyMethod;
  readonly rememberDevice?: boolean;
  readonly deviceName?: string;
  readonly context?: RequestContext;
}

/** SPEC §2: recovery-code form, else a pending challenge of the purpose, else an active TOTP factor. */
export function inferMethod(
  snapshot: UserSnapshot,
  code: string,
  purpose: string,
  now: number,
): VerifyMethod {
  if (looksLikeRecoveryCode(code)) return 'recovery_code';
  if (currentChallenge(snapshot.challenges, purpose, now)) return 'challenge';
  if (snapshot.factors.some((f) => f.type === 'totp' && f.status === 'active')) return 'totp';
  return 'challenge';
}

const MAX_ROUNDS = 4;

export async function verify(deps: AppDeps, input: VerifyInput): Promise<Reply> {
  const key = await deps.secret.hmacKey();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = deps.clock.now();
    const snapshot = await deps.store.loadUser(input.userId, now);
    const attemptsRemaining = assertNotLocked(snapshot.state, now, deps);
    const method = input.method ?? inferMethod(snapshot, input.code, input.purpose, now);
    const entered = normaliseEnteredCode(input.code);
    const base = { userId: input.userId, now };
    const failed = (detail: Parameters<typeof countWrongCode>[3]) =>
      countWrongCode(deps, input.userId, snapshot.state, {
        ...detail,
        purpose: input.purpose,
        context: input.context,
      });

    let acceptance: Acceptance;
    let answer: Record<string, unknown>;
    if (method === 'challenge') {
      const verdict = judgeChallengeCode(key, snapshot.challenges, input.purpose, entered, now);
      switch (verdict.kind) {
        case 'superseded':
        case 'already_used':
        case 'expired':
        case 'nothing_pending':
          throw uncountedAnswer(verdict, attemptsRemaining);
        case 'wrong':
          // The owner's record says which code was missed: the one pending in this purpose.
          return failed({ channel: verdict.current.channel, factorId: verdict.current.factorId });
        case 'match': {
          const c = verdict.challenge;
          acceptance = {
            ...base,
            target: { kind: 'challenge', challengeId: c.challengeId },
            factorId: c.factorId,
            events: [
              newEvent(deps, input.userId, 'verification_succeeded', now, {
                channel: c.channel,
                factorId: c.factorId,
                purpose: input.purpose,
                context: input.context,
              }),
            ],
          };
          answer = { status: 'approved', method, factorId: c.factorId };
        }
      }
    } else if (method === 'recovery_code') {
      const hash = hashRecoveryCode(key, input.code);
      const set = snapshot.recovery;
      if (!set || !set.hashes.includes(hash)) return failed({ channel: 'recovery_code' });
      acceptance = {
        ...base,
        target: { kind: 'recovery_code', hash },
        events: [
          newEvent(deps, input.userId, 'recovery_code_used', now, {
            channel: 'recovery_code',
            context: input.context,
          }),
          newEvent(deps, input.userId, 'verification_succeeded', now, {
            channel: 'recovery_code',
            purpose: input.purpose,
            context: input.context,
          }),
        ],
      };
      answer = { status: 'approved', method, recoveryCodesRemaining: set.hashes.length - 1 };
    } else {
      const factors = snapshot.factors.filter((f) => f.type === 'totp' && f.status === 'active');
      if (factors.length === 0) throw new NoActiveFactorError('The user has no active authenticator app.');
      const match = await checkTotp(deps, factors, entered, now);
      if (!match) {
        const only = factors.length === 1 ? factors[0] : undefined;
        return failed({ channel: 'totp', ...(only ? { factorId: only.factorId } : {}) });
      }
      acceptance = {
        ...base,
        target: totpTarget(match),
        events: [
          newEvent(deps, input.userId, 'verification_succeeded', now, {
            channel: 'totp',
            factorId: match.factor.factorId,
            purpose: input.purpose,
            context: input.context,
          }),
        ],
      };
      answer = { status: 'approved', method, factorId: match.factor.factorId };
    }

    const device = input.rememberDevice
      ? issueDevice(deps, key, input.userId, now, input.deviceName)
      : undefined;
    if (device) {
      acceptance = {
        ...acceptance,
        rememberDevice: device.record,
        events: [
          ...acceptance.events,
          newEvent(deps, input.userId, 'device_remembered', now, { context: input.context }),
        ],
      };
      answer = { ...answer, deviceToken: device.token, deviceTokenExpiresAt: iso(device.record.expiresAt) };
    }
    const outcome = await deps.store.accept(acceptance);
    if (outcome.ok) {
      if (method === 'recovery_code')
        await deps.notifier.notify({ userId: input.userId, kind: 'recovery_code_used' });
      return { statusCode: 200, body: answer };
    }
    // Locked by a concurrent request: answer from the fresh state. Otherwise the code was used,
    // replaced or expired by a concurrent request: judge it again.
    if (outcome.reason === 'locked') assertNotLocked(outcome.state, deps.clock.now(), deps);
  }
  throw new UnavailableError();
}
