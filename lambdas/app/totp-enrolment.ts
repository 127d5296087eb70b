/**
 * Enrolling an authenticator app: a 160-bit secret, shown once with its otpauth URI
 * and QR code, stored encrypted. Its own module, so only the factors function
 * carries the QR code generator.
 */
import { generateSecret } from '@otplib/core';
import { FactorLimitReachedError } from '../domain/errors';
import { UnavailableError } from '../domain/refusal-errors';
import { totpUri } from '../domain/otpauth-uri';
import type { FactorRecord } from '../domain/records';
import type { AppDeps } from './deps';
import { newEvent } from './events';
import { otpBase32, otpCrypto } from './otp-plugins';
import type { AddFactorInput } from './factors';
import { qrCodeSvg } from './qr-code-svg';
import type { Reply } from './reply';
import { secretContext } from './totp';
import { factorView } from './views';

const MAX_ROUNDS = 4;

export async function addTotpFactor(deps: AppDeps, input: AddFactorInput, now: number): Promise<Reply> {
  const factorId = deps.newId();
  // 20 bytes = 160 bits, the RFC 4226 recommendation.
  const secret = generateSecret({ crypto: otpCrypto, base32: otpBase32, length: 20 });
  const secretCiphertext = await deps.secretBox.encrypt(
    Buffer.from(secret, 'utf8'),
    secretContext({ userId: input.userId, factorId }),
  );
  const factor: FactorRecord = {
    userId: input.userId,
    factorId,
    type: 'totp',
    status: 'pending',
    ...(input.label !== undefined ? { label: input.label } : {}),
    createdAt: now,
    secretCiphertext,
  };
  // The factor cap is guarded by the factors version: a concurrent change to the set of
  // factors makes the write fail, and the cap is decided again on what is there now. Each
  // round lets at least one concurrent writer through, so the cap bounds the rounds needed.
  for (let round = 0; round < deps.policy.maxFactors + MAX_ROUNDS; round++) {
    const snapshot = await deps.state.loadUser(input.userId, deps.clock.now());
    if (snapshot.factors.length >= deps.policy.maxFactors)
      throw new FactorLimitReachedError(deps.policy.maxFactors);
    const result = await deps.factors.createFactor({
      factor,
      expectFactorsVersion: snapshot.state.factorsVersion,
      // An authenticator never confirmed within a day is forgotten.
      expiresAt: now + deps.policy.challengeRetentionSeconds * 1000,
      events: [
        newEvent(deps, input.userId, 'factor_added', now, {
          channel: 'totp',
          factorId,
          context: input.context,
        }),
      ],
    });
    if (!result.ok) continue;
    const otpauthUri = totpUri({
      issuer: deps.messaging.serviceName,
      account: input.label ?? input.userId,
      secret,
    });
    return {
      statusCode: 201,
      body: { factor: factorView(factor), secret, otpauthUri, qrCodeSvg: qrCodeSvg(otpauthUri) },
    };
  }
  throw new UnavailableError();
}
