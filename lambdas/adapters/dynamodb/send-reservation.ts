/**
 * The one write that reserves a send (docs/data-model.md, "send a code"): a
 * transaction of the user's state item and the destination's day counter.
 *
 * On the state item, in one conditional update: the cooldown has passed, the user
 * is not locked, the user's own caps have room, the factor cap is unchanged for an
 * enrolment, and the slot's live challenge is still the one read. The new code
 * becomes the slot's live challenge in the same write, and the code it replaces is
 * marked superseded, so one purpose never has two live codes, however many sends
 * (on any channels) arrive at once.
 */
import type { ChallengeRecord } from '../../domain/records';
import type { SendReservation, SendReservationResult } from '../../ports/verification-state';
import { ABSENT_OR_EXPIRED, COOLDOWN_ELAPSED, NOT_LOCKED, equalsOrAbsentIfZero } from './conditions';
import {
  challengeToEntry,
  deliveryToEntry,
  factorToItem,
  idempotentFromItem,
  type Item,
} from './item-mapping';
import { STEP_WAITING_VALUES, stepPath, stepToEntry, stepWaiting } from './ladder-mapping';
import { STATE_ATTR, TTL_ATTRIBUTE, pk, sk, toTtl } from './keys';
import {
  countUserSend,
  destinationCounterUpdate,
  destinationRefusal,
  userRefusal,
  type TransactItem,
} from './send-counters';
import { UpdateBuilder } from './update-builder';

export interface ReservationItems {
  readonly items: TransactItem[];
  /** Reads the refusal from the cancellation reasons (index-aligned with `items`). */
  readonly refusal: (reasons: ReadonlyArray<{ Code?: string; Item?: Item }>) => SendReservationResult;
}

export function reservationItems(table: string, r: SendReservation): ReservationItems {
  const b = new UpdateBuilder();
  const cd = b.name(STATE_ATTR.cooldown(r.cooldownKey), '#cd');
  const live = b.name(STATE_ATTR.live(r.slot), '#live');
  b.set(`${cd} = :now`, 'updatedAt = :now')
    .when(COOLDOWN_ELAPSED, NOT_LOCKED)
    .bind({ ':now': r.now, ':cutoff': r.cooldownCutoff, ':false': false, ':pending': 'pending' });
  // The slot's live challenge is exactly the one this send was decided from.
  b.when(r.expectLive === undefined ? `attribute_not_exists(${live})` : `${live} = :expectLive`).bind({
    ':expectLive': r.expectLive,
  });
  const written = new Set([STATE_ATTR.cooldown(r.cooldownKey), STATE_ATTR.live(r.slot)]);
  // The locale the caller asked for is kept for the user's notices.
  if (r.locale !== undefined) b.set(`${b.name('locale', '#locale')} = :locale`).bind({ ':locale': r.locale });

  if (r.challenge.kind === 'new') {
    const record: ChallengeRecord = r.challenge.record;
    const ch = b.name(STATE_ATTR.challenge(record.challengeId), '#ch');
    written.add(STATE_ATTR.challenge(record.challengeId));
    b.set(`${ch} = :challenge`, `${live} = :challengeId`)
      .when(`attribute_not_exists(${ch})`)
      .bind({ ':challenge': challengeToEntry(record), ':challengeId': record.challengeId });
    if (r.challenge.supersedes !== undefined) {
      // The code it replaces stops working, but stays recognisable as superseded.
      const old = b.name(STATE_ATTR.challenge(r.challenge.supersedes), '#old');
      written.add(STATE_ATTR.challenge(r.challenge.supersedes));
      b.set(`${old}.t = :superseded`).when(`${old}.t = :pending`).bind({ ':superseded': 'superseded' });
    }
  } else {
    // One more delivery of the live code, only while it can still be accepted.
    const ch = b.name(STATE_ATTR.challenge(r.challenge.challengeId), '#ch');
    written.add(STATE_ATTR.challenge(r.challenge.challengeId));
    const d = r.challenge.delivery;
    b.set(
      `${ch}.d = list_append(${ch}.d, :delivery)`,
      `${ch}.c = :channel`,
      `${ch}.f = :factorId`,
      `${ch}.m = :masked`,
    )
      .when(`${ch}.t = :pending`, `${ch}.e > :now`)
      .bind({
        ':delivery': [deliveryToEntry(d)],
        ':channel': d.channel,
        ':factorId': d.factorId,
        ':masked': r.challenge.destinationMasked,
      });
    const claim = r.challenge.claimStep;
    if (claim) {
      // The fallback step is taken by this very write, so a twin invocation finds it sent.
      const step = stepPath(ch, claim.index);
      b.set(`${step} = :step`)
        .when(stepWaiting(step))
        .bind({ ':step': stepToEntry(claim.step), ...STEP_WAITING_VALUES });
    }
  }

  if (r.newFactor) {
    b.set('factorsVersion = :nextVersion')
      .when(equalsOrAbsentIfZero('factorsVersion', ':version', r.newFactor.expectFactorsVersion))
      .bind({
        ':version': r.newFactor.expectFactorsVersion,
        ':nextVersion': r.newFactor.expectFactorsVersion + 1,
      });
  }
  countUserSend(b, r.counters);
  for (const name of r.stale) if (!written.has(name)) b.remove(b.name(name));

  const items: TransactItem[] = [
    {
      Update: {
        TableName: table,
        Key: { pk: pk.user(r.userId), sk: sk.state },
        ...b.build(),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    { Update: destinationCounterUpdate(table, r.counters) },
  ];
  const roles: Array<'factor' | 'idempotency'> = [];
  if (r.newFactor) {
    roles.push('factor');
    items.push({
      Put: {
        TableName: table,
        Item: factorToItem(
          r.newFactor.record,
          // A factor never activated disappears with its enrolment code's record.
          r.challenge.kind === 'new' ? r.challenge.record.expiresAt + r.retentionSeconds * 1000 : undefined,
        ),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  if (r.idempotency) {
    roles.push('idempotency');
    items.push({
      Put: {
        TableName: table,
        Item: idempotencyItem(r.userId, r.idempotency),
        // One answer per key: a concurrent twin finds this one and returns it.
        ConditionExpression: ABSENT_OR_EXPIRED,
        ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':nowSeconds': Math.floor(r.now / 1000) },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    });
  }

  return {
    items,
    refusal(reasons) {
      const failed = (i: number) => reasons[i]?.Code === 'ConditionalCheckFailed';
      const idem = roles.indexOf('idempotency');
      const idemReason = idem >= 0 ? reasons[idem + 2] : undefined;
      if (idemReason?.Code === 'ConditionalCheckFailed' && idemReason.Item) {
        return { ok: false, reason: 'idempotent', response: idempotentFromItem(idemReason.Item) };
      }
      if (failed(0)) {
        const old = reasons[0]?.Item;
        const locked =
          old?.hardLocked === true || (typeof old?.lockedUntil === 'number' && old.lockedUntil > r.now);
        if (locked) return { ok: false, reason: 'locked' };
        const stamp = old?.[STATE_ATTR.cooldown(r.cooldownKey)];
        if (typeof stamp === 'number' && stamp > r.cooldownCutoff) return { ok: false, reason: 'cooldown' };
        const capped = userRefusal(old, r.counters);
        if (capped) return { ok: false, reason: capped };
        // The live code, the factor set or the challenge changed in between: decide again.
        return { ok: false, reason: 'conflict' };
      }
      if (failed(1)) return { ok: false, reason: destinationRefusal(reasons[1]?.Item, r.counters) };
      return { ok: false, reason: 'conflict' };
    },
  };
}

export function idempotencyItem(
  userId: string,
  r: NonNullable<SendReservation['idempotency']>,
): Record<string, unknown> {
  return {
    pk: pk.user(userId),
    sk: sk.idempotency(r.key),
    kind: 'idempotency',
    key: r.key,
    requestHash: r.requestHash,
    ...(r.statusCode !== undefined ? { statusCode: r.statusCode } : {}),
    body: r.body,
    [TTL_ATTRIBUTE]: toTtl(r.expiresAt),
  };
}

/**
 * Takes a committed reservation back, when a guard counted beside it refused (an
 * abuse limit): the new code is canceled and the slot's live code is the old one
 * again; a reused code loses the delivery; the cooldown stamp, the user's and the
 * destination's counts, an enrolled factor and the idempotent answer are undone.
 * Only while the slot is still as the reservation left it.
 */
export function undoItems(table: string, r: SendReservation): TransactItem[] {
  const b = new UpdateBuilder();
  const cd = b.name(STATE_ATTR.cooldown(r.cooldownKey), '#cd');
  const live = b.name(STATE_ATTR.live(r.slot), '#live');
  if (r.previousCooldown === undefined) b.remove(cd);
  else b.set(`${cd} = :previousCooldown`).bind({ ':previousCooldown': r.previousCooldown });
  if (r.challenge.kind === 'new') {
    // The new code's id was never answered: it goes as if never made.
    const ch = b.name(STATE_ATTR.challenge(r.challenge.record.challengeId), '#ch');
    b.remove(ch).when(`${live} = :made`).bind({ ':made': r.challenge.record.challengeId });
    if (r.expectLive === undefined) b.remove(live);
    else b.set(`${live} = :previousLive`).bind({ ':previousLive': r.expectLive });
    if (r.challenge.supersedes !== undefined) {
      b.set(`${b.name(STATE_ATTR.challenge(r.challenge.supersedes), '#old')}.t = :pending`).bind({
        ':pending': 'pending',
      });
    }
  } else {
    const ch = b.name(STATE_ATTR.challenge(r.challenge.challengeId), '#ch');
    b.remove(`${ch}.d[${r.challenge.deliveryIndex}]`)
      .when(`${live} = :reused`, `size(${ch}.d) = :length`)
      .bind({ ':reused': r.challenge.challengeId, ':length': r.challenge.deliveryIndex + 1 });
    const claim = r.challenge.claimStep;
    if (claim) {
      // The step waits again, as it did before the send.
      b.set(`${stepPath(ch, claim.index)} = :previousStep`).bind({
        ':previousStep': stepToEntry(claim.previous),
      });
    }
  }
  const hour = b.name(STATE_ATTR.hourSends(r.counters.hourBucket), '#userHour');
  const day = b.name(STATE_ATTR.daySends(r.counters.dayBucket), '#userDay');
  b.add(`${hour} :minusOne`, `${day} :minusOne`).bind({ ':minusOne': -1 });
  if (r.newFactor) b.set('factorsVersion = :version').bind({ ':version': r.newFactor.expectFactorsVersion });

  const dest = destinationCounterUpdate(table, r.counters);
  const stateKey = { pk: pk.user(r.userId), sk: sk.state };
  const state: TransactItem =
    r.createsState && r.challenge.kind === 'new'
      ? {
          // The send made the state item: it goes, while it is as the send left it.
          Delete: {
            TableName: table,
            Key: stateKey,
            ConditionExpression: '#live = :made',
            ExpressionAttributeNames: { '#live': STATE_ATTR.live(r.slot) },
            ExpressionAttributeValues: { ':made': r.challenge.record.challengeId },
          },
        }
      : { Update: { TableName: table, Key: stateKey, ...b.build() } };
  const items: TransactItem[] = [
    state,
    {
      Update: {
        TableName: table,
        Key: dest.Key,
        UpdateExpression: 'ADD n :minusOne, #h :minusOne',
        ExpressionAttributeNames: { '#h': dest.ExpressionAttributeNames['#h'] },
        ExpressionAttributeValues: { ':minusOne': -1 },
      },
    },
  ];
  if (r.newFactor) {
    items.push({
      Delete: {
        TableName: table,
        Key: { pk: pk.user(r.userId), sk: sk.factor(r.newFactor.record.factorId) },
      },
    });
  }
  if (r.idempotency) {
    items.push({
      Delete: { TableName: table, Key: { pk: pk.user(r.userId), sk: sk.idempotency(r.idempotency.key) } },
    });
  }
  return items;
}
