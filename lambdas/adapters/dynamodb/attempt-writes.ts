/**
 * The writes of a code check (docs/data-model.md, "verify"), all on the user's
 * state item: take an attempt before the code is compared, give it back for an
 * answer that is not counted, lock when the window is used up, and accept a right
 * code exactly once while resetting the count.
 */
import type { LockPlan } from '../../domain/lockout';
import type { AttemptLimits, Acceptance } from '../../ports/verification-state';
import { NOT_LOCKED, belowOrAbsent } from './conditions';
import { STATE_ATTR, TTL_ATTRIBUTE, pk, sk } from './keys';
import { UpdateBuilder } from './update-builder';

const NOT_HARD_LOCKED = 'attribute_not_exists(hardLocked) OR hardLocked = :false';

/**
 * One attempt: added only while the user is not locked, the window has an attempt
 * left and the hard-lock bound is not reached. `ALL_NEW` returns the count this
 * attempt made, so parallel attempts each learn their own number.
 */
export function reserveAttemptUpdate(table: string, userId: string, now: number, limits: AttemptLimits) {
  return {
    TableName: table,
    Key: { pk: pk.user(userId), sk: sk.state },
    UpdateExpression:
      'SET attemptLimit = if_not_exists(attemptLimit, :max), epoch = if_not_exists(epoch, :zero), lastAttemptAt = :now ADD attempts :one',
    ConditionExpression: [
      // A user with nothing to verify has no state item; one is never made by guessing.
      'attribute_exists(pk)',
      `(${NOT_LOCKED})`,
      // Below the window's limit (a state item from before any attempt has none yet).
      '(attribute_not_exists(attempts) OR (attribute_not_exists(attemptLimit) AND attempts < :max) OR attempts < attemptLimit)',
      `(${belowOrAbsent('attempts', ':hard')})`,
    ].join(' AND '),
    ExpressionAttributeValues: {
      ':max': limits.maxAttempts,
      ':hard': limits.hardLockAfter,
      ':zero': 0,
      ':one': 1,
      ':now': now,
      ':false': false,
    },
    ReturnValues: 'ALL_NEW' as const,
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
}

/** An uncounted answer's attempt, returned only within the epoch it was taken in. */
export function giveBackUpdate(table: string, userId: string, epoch: number) {
  return {
    TableName: table,
    Key: { pk: pk.user(userId), sk: sk.state },
    UpdateExpression: 'ADD attempts :minusOne',
    ConditionExpression: 'epoch = :epoch AND attempts > :zero',
    ExpressionAttributeValues: { ':minusOne': -1, ':epoch': epoch, ':zero': 0 },
  };
}

/**
 * The lock that closes a window: only while that window is still the current one
 * and its count was not lowered since (a success resets it, a give-back lowers it).
 */
export function lockUpdate(table: string, userId: string, plan: LockPlan, now: number) {
  const b = new UpdateBuilder()
    .set(
      'lockCount = :locks',
      'attemptLimit = :limitAfter',
      'epoch = if_not_exists(epoch, :zero) + :one',
      'updatedAt = :now',
    )
    .when(
      'attemptLimit = :expectLimit',
      'attempts >= :expectAttempts',
      NOT_HARD_LOCKED,
      'attribute_not_exists(lockedUntil) OR lockedUntil <= :now',
    )
    .bind({
      ':locks': plan.locksAfter,
      ':limitAfter': plan.limitAfter,
      ':zero': 0,
      ':one': 1,
      ':now': now,
      ':expectLimit': plan.expectLimit,
      ':expectAttempts': plan.expectAttempts,
      ':false': false,
      ':true': true,
      ':until': plan.until,
    });
  if (plan.until === null) b.set('hardLocked = :true');
  else b.set('lockedUntil = :until');
  return {
    TableName: table,
    Key: { pk: pk.user(userId), sk: sk.state },
    ...b.build(),
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
}

/**
 * A right code: every count and lock reset (a hard lock stays), the factor's last
 * use stamped, and for a challenge code the challenge approved, only while it is
 * its slot's live code, pending and unexpired (so it is accepted once).
 */
export function acceptStateUpdate(table: string, a: Acceptance) {
  const b = new UpdateBuilder()
    .set(
      'attempts = :zero',
      'lockCount = :zero',
      'epoch = if_not_exists(epoch, :zero) + :one',
      'updatedAt = :now',
    )
    .remove('lockedUntil', 'attemptLimit')
    .when(NOT_HARD_LOCKED)
    .bind({ ':zero': 0, ':one': 1, ':now': a.now, ':false': false });
  const factorId = a.target.kind === 'totp' ? a.target.factorId : a.factorId;
  if (factorId !== undefined) b.set(`${b.name(STATE_ATTR.factorUsed(factorId), '#used')} = :now`);
  if (a.target.kind === 'challenge') {
    const ch = b.name(STATE_ATTR.challenge(a.target.challengeId), '#ch');
    const live = b.name(STATE_ATTR.live(a.target.slot), '#live');
    b.set(`${ch}.t = :approved`, `${ch}.v = :now`)
      .when(`${live} = :challengeId`, `${ch}.t = :pending`, `${ch}.e > :now`)
      .bind({ ':approved': 'approved', ':pending': 'pending', ':challengeId': a.target.challengeId });
  }
  return {
    TableName: table,
    Key: { pk: pk.user(a.userId), sk: sk.state },
    ...b.build(),
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
}

/** The factor side of an acceptance: a TOTP step accepted once, and activation once. */
export function acceptFactorUpdate(table: string, a: Acceptance) {
  const factorId = a.target.kind === 'totp' ? a.target.factorId : (a.factorId as string);
  const b = new UpdateBuilder().when('attribute_exists(pk)').bind({ ':now': a.now });
  if (a.target.kind === 'totp') {
    // A TOTP time step is accepted at most once, and never one older than the last accepted.
    b.set('lastTotpStep = :step', 'totpDrift = :drift')
      .when('attribute_not_exists(lastTotpStep) OR lastTotpStep < :step')
      .bind({ ':step': a.target.timeStep, ':drift': a.target.drift });
  }
  if (a.activate) {
    // Activation happens once; it also ends the pending factor's expiry.
    b.set(`${b.name('status', '#status')} = :active`, 'activatedAt = :now', 'lastUsedAt = :now')
      .remove(b.name(TTL_ATTRIBUTE, '#ttl'))
      .when('#status = :pendingFactor')
      .bind({ ':active': 'active', ':pendingFactor': 'pending' });
  }
  return { TableName: table, Key: { pk: pk.user(a.userId), sk: sk.factor(factorId) }, ...b.build() };
}

/** A recovery code is accepted at most once: it moves from the unused set to the used one. */
export function acceptRecoveryUpdate(table: string, userId: string, hash: string) {
  return {
    TableName: table,
    Key: { pk: pk.user(userId), sk: sk.recovery },
    UpdateExpression: 'DELETE hashes :codeSet ADD used :codeSet',
    ConditionExpression: 'contains(hashes, :code)',
    ExpressionAttributeValues: { ':codeSet': new Set([hash]), ':code': hash },
  };
}
