/**
 * Authenticator-app codes (RFC 6238 through otplib): ±`totpWindow` time steps are
 * accepted, the matched step and the drift are recorded, and a step at or before
 * the last one a factor accepted is refused, so no code works twice.
 */
import { verify as verifyTotp } from '@otplib/totp';
import { CodeAlreadyUsedError } from '../domain/errors';
import type { FactorRecord } from '../domain/records';
import type { Acceptance } from '../ports/verification-state';
import type { AppDeps } from './deps';
import { otpBase32, otpCrypto } from './otp-plugins';

export const TOTP_PERIOD_SECONDS = 30;

export interface TotpMatch {
  readonly factor: FactorRecord;
  readonly timeStep: number;
  readonly drift: number;
  /** The code is right, but its time step was already accepted (or a later one was). */
  readonly replayed: boolean;
}

export function secretContext(factor: Pick<FactorRecord, 'userId' | 'factorId'>): Record<string, string> {
  return { userId: factor.userId, factorId: factor.factorId };
}

export async function checkTotp(
  deps: AppDeps,
  factors: readonly FactorRecord[],
  code: string,
  now: number,
): Promise<TotpMatch | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  for (const factor of factors) {
    if (!factor.secretCiphertext) continue;
    const secret = (await deps.secretBox.decrypt(factor.secretCiphertext, secretContext(factor))).toString(
      'utf8',
    );
    const result = await verifyTotp({
      secret,
      token: code,
      crypto: otpCrypto,
      base32: otpBase32,
      epoch: Math.floor(now / 1000),
      period: TOTP_PERIOD_SECONDS,
      epochTolerance: deps.policy.totpWindow * TOTP_PERIOD_SECONDS,
    });
    if (!result.valid || !('timeStep' in result)) continue;
    const timeStep = result.timeStep;
    const replayed = factor.lastTotpStep !== undefined && timeStep <= factor.lastTotpStep;
    return { factor, timeStep, drift: result.delta, replayed };
  }
  return undefined;
}

/**
 * What a matched code lets the store accept: its time step, written only if later
 * than the factor's last one. A code at or before that step answers `code_already_used`,
 * uncounted: it proves possession of the secret.
 */
export function totpTarget(match: TotpMatch): Extract<Acceptance['target'], { kind: 'totp' }> {
  if (match.replayed) throw new CodeAlreadyUsedError();
  return { kind: 'totp', factorId: match.factor.factorId, timeStep: match.timeStep, drift: match.drift };
}
