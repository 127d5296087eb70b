/**
 * The send caps. A user's own hourly and daily counts are attributes of its state
 * item (checked and added by the write that reserves the send); a destination's are
 * one item per UTC day, its hours as attributes, so one conditional ADD counts both
 * without a read. Shared by code challenges, delivery codes and security notices,
 * which all draw on the same caps.
 */
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { SendCounters, SendRefusalReason } from '../../ports/verification-state';
import { belowOrAbsent } from './conditions';
import { STATE_ATTR, TTL_ATTRIBUTE, destinationHourAttribute, pk, sk, toTtl } from './keys';
import type { Item } from './item-mapping';
import type { UpdateBuilder } from './update-builder';

export type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

const dayEnd = (c: SendCounters) => (c.dayBucket + 1) * 86_400_000;

/** The destination's day item: one more send, while neither its hour nor its day is at the cap. */
export function destinationCounterUpdate(table: string, c: SendCounters) {
  return {
    TableName: table,
    Key: { pk: pk.destination(c.destinationHash), sk: sk.daySends(c.dayBucket) },
    UpdateExpression: 'ADD n :one, #h :one SET #ttl = :ttl',
    ConditionExpression: `(${belowOrAbsent('n', ':maxDay')}) AND (${belowOrAbsent('#h', ':maxHour')})`,
    ExpressionAttributeNames: { '#h': destinationHourAttribute(c.hourBucket), '#ttl': TTL_ATTRIBUTE },
    ExpressionAttributeValues: {
      ':one': 1,
      ':maxDay': c.maxPerDay,
      ':maxHour': c.maxPerHour,
      ':ttl': toTtl(dayEnd(c)),
    },
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
}

/** Which of the destination's caps refused, from its item as it was. */
export function destinationRefusal(old: Item | undefined, c: SendCounters): SendRefusalReason {
  const day = typeof old?.n === 'number' ? old.n : 0;
  return day >= c.maxPerDay ? 'destination_day' : 'destination_hour';
}

/** Adds the user's own hourly and daily counts to a write of its state item, below their caps. */
export function countUserSend(b: UpdateBuilder, c: SendCounters): void {
  const hour = b.name(STATE_ATTR.hourSends(c.hourBucket), '#userHour');
  const day = b.name(STATE_ATTR.daySends(c.dayBucket), '#userDay');
  b.add(`${hour} :one`, `${day} :one`)
    .when(belowOrAbsent(hour, ':maxHour'), belowOrAbsent(day, ':maxDay'))
    .bind({ ':one': 1, ':maxHour': c.maxPerHour, ':maxDay': c.maxPerDay });
}

/** Which of the user's caps refused, from its state item as it was; undefined if neither. */
export function userRefusal(old: Item | undefined, c: SendCounters): SendRefusalReason | undefined {
  const count = (name: string) => (typeof old?.[name] === 'number' ? (old[name] as number) : 0);
  if (count(STATE_ATTR.daySends(c.dayBucket)) >= c.maxPerDay) return 'user_day';
  if (count(STATE_ATTR.hourSends(c.hourBucket)) >= c.maxPerHour) return 'user_hour';
  return undefined;
}
