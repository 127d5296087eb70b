/**
 * The send caps as transaction items: per user and per destination, hourly and
 * daily, each a counter that refuses to pass its cap (one conditional ADD, no read).
 * Shared by code challenges and delivery codes, which draw on the same caps.
 */
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { SendCounters } from '../../ports/store';
import { BELOW_CAP } from './conditions';
import { TTL_ATTRIBUTE, pk, sk, toTtl } from './keys';

export type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

export type CounterRole = 'user_hour' | 'user_day' | 'destination_hour' | 'destination_day';

/** The four counter updates, in the order of `COUNTER_ROLES`. */
export const COUNTER_ROLES: readonly CounterRole[] = [
  'user_hour',
  'user_day',
  'destination_hour',
  'destination_day',
];

export function sendCounterItems(table: string, userId: string, c: SendCounters): TransactItem[] {
  const counter = (partition: string, key: string, max: number, endsAt: number): TransactItem => ({
    Update: {
      TableName: table,
      Key: { pk: partition, sk: key },
      UpdateExpression: 'ADD n :one SET #ttl = :ttl',
      ConditionExpression: BELOW_CAP,
      ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':one': 1, ':max': max, ':ttl': toTtl(endsAt) },
    },
  });
  const hourEnd = (c.hourBucket + 1) * 3_600_000;
  const dayEnd = (c.dayBucket + 1) * 86_400_000;
  const userPk = pk.user(userId);
  const destPk = pk.destination(c.destinationHash);
  return [
    counter(userPk, sk.hourSends(c.hourBucket), c.maxPerHour, hourEnd),
    counter(userPk, sk.daySends(c.dayBucket), c.maxPerDay, dayEnd),
    counter(destPk, sk.hourSends(c.hourBucket), c.maxPerHour, hourEnd),
    counter(destPk, sk.daySends(c.dayBucket), c.maxPerDay, dayEnd),
  ];
}
