/**
 * POST /v1/users/{userId}/verify: checks a challenge code, a recovery code or an
 * authenticator code, by the method given or inferred as docs/api.md, Routes states.
 */
import { hashRecoveryCode, looksLikeRecoveryCode } from '../domain/codes';
import { judgeChallengeCode, normaliseEnteredCode } from '../domain/challenge-match';
import { CodeAlreadyUsedError, NoActiveFactorError } from '../domain/errors';
import type { RequestContext } from '../domain/events';
import type { UserSnapshot } from '../domain/records';
import { currentChallenge } from '../domain/send-limits';
import type { Acceptance } from '../ports/verification-state';
import { checkCode, uncountedAnswer, type CodeCheck } from './attempts';
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

/** docs/api.md, Routes: recovery-code form, else a pending challenge of the purpose, else an active TOTP factor. */
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

export async function verify(deps: AppDeps, input: VerifyInput): Promise<Reply> {
  const key = await deps.secret.hmacKey();
  const entered = normaliseEnteredCode(input.code);
  return checkCode(deps, input.userId, async (snapshot, now): Promise<CodeCheck<Reply>> => {
    const method = input.method ?? inferMethod(snapshot, input.code, input.purpose, now);
    const base = { purpose: input.purpose, context: input.context };
    let acceptance: Omit<Acceptance, 'userId' | 'now'>;
    let answer: Record<string, unknown>;
    if (method === 'challenge') {
      const verdict = judgeChallengeCode(key, snapshot.challenges, input.purpose, entered, now);
      switch (verdict.kind) {
        case 'superseded':
        case 'already_used':
        case 'expired':
        case 'nothing_pending':
          return { kind: 'uncounted', answer: (left) => uncountedAnswer(verdict, left) };
        case 'wrong':
          // The owner's record says which code was missed: the one pending in this purpose.
          return {
            kind: 'wrong',
            detail: { ...base, channel: verdict.current.channel, factorId: verdict.current.factorId },
          };
        case 'match': {
          const c = verdict.challenge;
          acceptance = {
            target: { kind: 'challenge', challengeId: c.challengeId, slot: c.slot },
            factorId: c.factorId,
            events: [
              newEvent(deps, input.userId, 'verification_succeeded', now, {
                ...base,
                channel: c.channel,
                factorId: c.factorId,
              }),
            ],
          };
          answer = { status: 'approved', method, factorId: c.factorId };
        }
      }
    } else if (method === 'recovery_code') {
      const hash = hashRecoveryCode(key, input.code);
      const set = snapshot.recovery;
      // A code of this set already accepted proves it was once the owner's: answered, not counted.
      if (set?.used?.includes(hash)) return { kind: 'uncounted', answer: () => new CodeAlreadyUsedError() };
      if (!set || !set.hashes.includes(hash))
        return { kind: 'wrong', detail: { ...base, channel: 'recovery_code' } };
      acceptance = {
        target: { kind: 'recovery_code', hash },
        events: [
          newEvent(deps, input.userId, 'recovery_code_used', now, {
            channel: 'recovery_code',
            context: input.context,
          }),
          newEvent(deps, input.userId, 'verification_succeeded', now, { ...base, channel: 'recovery_code' }),
        ],
      };
      answer = { status: 'approved', method, recoveryCodesRemaining: set.hashes.length - 1 };
    } else {
      const factors = snapshot.factors.filter((f) => f.type === 'totp' && f.status === 'active');
      if (factors.length === 0) throw new NoActiveFactorError('The user has no active authenticator app.');
      const match = await checkTotp(deps, factors, entered, now);
      if (!match) {
        const only = factors.length === 1 ? factors[0] : undefined;
        return {
          kind: 'wrong',
          detail: { ...base, channel: 'totp', ...(only ? { factorId: only.factorId } : {}) },
        };
      }
      acceptance = {
        target: totpTarget(match),
        events: [
          newEvent(deps, input.userId, 'verification_succeeded', now, {
            ...base,
            channel: 'totp',
            factorId: match.factor.factorId,
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
    const body = answer;
    return {
      kind: 'accept',
      acceptance,
      done: async () => {
        if (method === 'recovery_code')
          await deps.notifier.notify({ userId: input.userId, kind: 'recovery_code_used' });
        return { statusCode: 200, body };
      },
    };
  });
}
