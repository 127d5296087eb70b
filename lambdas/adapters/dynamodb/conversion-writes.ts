/**
 * The conversion guard's attributes on the hourly abuse items (`ABUSE#prefix#…` and
 * `ABUSE#country#…`, `H#<hour>`; docs/data-model.md): `s` codes sent, `a` codes
 * approved, `bu` blocked until (epoch ms), `p` on probation. A code send adds to `s`
 * in the same ADD that counts its rate, and reads all four back from it
 * (`ReturnValues: ALL_NEW`), so judging costs no read and no write unit; an
 * approval adds to `a` beside the acceptance; a block is written only when one starts.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { blockedHours, type ConversionReading } from '../../domain/conversion-guard';
import type { ConversionCredit } from '../../ports/verification-state';
import type { Item } from './item-mapping';
import { TTL_ATTRIBUTE, toTtl } from './keys';
import { dynamoRequest } from './request';

export const CONVERSION_ATTR = { sent: 's', approved: 'a', blockedUntil: 'bu', probation: 'p' } as const;

const HOUR_MS = 3_600_000;
const hourTtl = (bucket: number) => toTtl((bucket + 1) * HOUR_MS);

export const abuseKey = (scope: string, key: string, hourBucket: number) => ({
  pk: `ABUSE#${scope}#${key}`,
  sk: `H#${hourBucket}`,
});

/** The reading of an hourly item as the send's ADD left it. */
export function readingOf(item: Item | undefined): ConversionReading {
  const num = (name: string) => (typeof item?.[name] === 'number' ? (item[name] as number) : 0);
  const until = item?.[CONVERSION_ATTR.blockedUntil];
  return {
    sent: num(CONVERSION_ATTR.sent),
    approved: num(CONVERSION_ATTR.approved),
    ...(typeof until === 'number' ? { blockedUntil: until } : {}),
    ...(item?.[CONVERSION_ATTR.probation] === 1 ? { probation: true } : {}),
  };
}

/**
 * Writes a block onto every hour it covers (a later hour also learns it is on
 * probation), and probation onto the hour after, so the block holds across clock
 * hours and its end is judged on two sends, not a fresh sample. A longer block
 * already written is kept.
 */
export async function writeBlock(
  client: DynamoDBDocumentClient,
  table: string,
  item: { readonly scope: string; readonly key: string },
  now: number,
  until: number,
): Promise<void> {
  const hours = blockedHours(now, until);
  const first = hours[0] as number;
  const after = (hours[hours.length - 1] as number) + 1;
  const names = { '#ttl': TTL_ATTRIBUTE };
  const writes = [
    ...hours.map((h) => ({
      TableName: table,
      Key: abuseKey(item.scope, item.key, h),
      UpdateExpression: `SET bu = :until, #ttl = if_not_exists(#ttl, :ttl)${h > first ? ', p = :one' : ''}`,
      ConditionExpression: 'attribute_not_exists(bu) OR bu < :until',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':until': until, ':ttl': hourTtl(h), ...(h > first ? { ':one': 1 } : {}) },
    })),
    {
      TableName: table,
      Key: abuseKey(item.scope, item.key, after),
      UpdateExpression: 'SET p = :one, #ttl = if_not_exists(#ttl, :ttl)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':one': 1, ':ttl': hourTtl(after) },
    },
  ];
  await Promise.all(
    writes.map((w) =>
      dynamoRequest(() => client.send(new UpdateCommand(w))).catch((error: unknown) => {
        // A longer block is already there: it stands.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }),
    ),
  );
}

/** One approval more (or less) on the code's prefix and country items of the approval's hour. */
export async function creditConversion(
  client: DynamoDBDocumentClient,
  table: string,
  credit: ConversionCredit,
  delta: 1 | -1,
): Promise<void> {
  const items = [
    abuseKey('prefix', credit.prefixHash, credit.hourBucket),
    ...(credit.country ? [abuseKey('country', credit.country, credit.hourBucket)] : []),
  ];
  await Promise.all(
    items.map((Key) =>
      dynamoRequest(() =>
        client.send(
          new UpdateCommand({
            TableName: table,
            Key,
            UpdateExpression: 'ADD a :d SET #ttl = if_not_exists(#ttl, :ttl)',
            ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: { ':d': delta, ':ttl': hourTtl(credit.hourBucket) },
          }),
        ),
      ),
    ),
  );
}
