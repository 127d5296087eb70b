/**
 * Account-level operations: support unlock and recovery-code regeneration.
 */
import { hashRecoveryCode } from '../domain/codes';
import type { RequestContext } from '../domain/events';
import type { AppDeps } from './deps';
import { newEvent } from './events';
import { revokeAllDevices } from './devices';
import { newRecoveryCodes } from './recovery-codes';
import type { Reply } from './reply';

export async function supportUnlock(deps: AppDeps, userId: string, context?: RequestContext): Promise<Reply> {
  const now = deps.clock.now();
  await deps.state.unlock(userId, [newEvent(deps, userId, 'unlocked', now, { context })]);
  return { statusCode: 204, body: undefined };
}

export async function eraseUser(deps: AppDeps, userId: string): Promise<Reply> {
  await deps.erasure.eraseUser(userId);
  return { statusCode: 204, body: undefined };
}

export async function regenerateRecoveryCodes(
  deps: AppDeps,
  userId: string,
  context?: RequestContext,
): Promise<Reply> {
  const now = deps.clock.now();
  const key = await deps.secret.hmacKey();
  const recoveryCodes = newRecoveryCodes();
  await deps.factors.replaceRecoveryCodes(
    userId,
    { hashes: recoveryCodes.map((c) => hashRecoveryCode(key, c)), generatedAt: now },
    [newEvent(deps, userId, 'recovery_codes_regenerated', now, { context })],
  );
  // New codes mean the old ones may be in the wrong hands: remembered devices go too.
  await revokeAllDevices(deps, userId, context);
  await deps.notifier.notify({ userId, kind: 'recovery_codes_regenerated' });
  return { statusCode: 201, body: { recoveryCodes } };
}
