/**
 * The abuse limits' counters: one item per scope and clock hour (`ABUSE#<scope>#<key>`,
 * `H#<hour bucket>`), each one conditional ADD that refuses to pass its cap, with no
 * read first. The API key's count is an attribute of the service shard's item, so a
 * send writes at most four counters, each its own update outside any transaction:
 * a counter may over-count safely, and one refused takes the others' counts back.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AbuseScope } from '../../domain/abuse-limits';
import type { AbuseCounting } from '../../ports/verification-state';
import { belowOrAbsent } from './conditions';
import type { Item } from './item-mapping';
import { TTL_ATTRIBUTE, toTtl } from './keys';
import { dynamoRequest } from './request';

export type AbuseOutcome = { readonly ok: true } | { readonly ok: false; readonly scope: AbuseScope };

interface CounterWrite {
  readonly key: { pk: string; sk: string };
  readonly attributes: Record<string, string>;
  readonly caps: ReadonlyArray<{
    readonly attribute: string;
    readonly max: number;
    readonly scope: AbuseScope;
  }>;
}

/** The writes for a set of counters: the key counter joins the service shard's item. */
function writesFor(c: AbuseCounting): CounterWrite[] {
  const sk = `H#${c.hourBucket}`;
  const key = c.counters.find((x) => x.scope === 'key');
  return c.counters
    .filter((x) => x.scope !== 'key')
    .map((x) => ({
      key: { pk: `ABUSE#${x.scope}#${x.key}`, sk },
      attributes: { '#n': 'n', ...(x.scope === 'service' && key ? { '#k': `k:${key.key}` } : {}) },
      caps: [
        { attribute: '#n', max: x.max, scope: x.scope },
        ...(x.scope === 'service' && key ? [{ attribute: '#k', max: key.max, scope: 'key' as const }] : []),
      ],
    }));
}

export class AbuseCounters {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Counts every counter at once; the first refused one names the scope, and the others are taken back. */
  async count(c: AbuseCounting): Promise<AbuseOutcome> {
    const writes = writesFor(c);
    const results = await Promise.allSettled(writes.map((w) => this.add(w, c.hourBucket)));
    const counted = writes.filter(
      (_, i) => results[i]?.status === 'fulfilled' && results[i].value === undefined,
    );
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    const refused = results.find(
      (r): r is PromiseFulfilledResult<AbuseScope> => r.status === 'fulfilled' && r.value !== undefined,
    );
    if (!failure && !refused) return { ok: true };
    await this.takeBack(counted);
    if (failure) throw failure.reason;
    return { ok: false, scope: (refused as PromiseFulfilledResult<AbuseScope>).value };
  }

  /** Takes a whole counting back (its send was refused by another guard). */
  async uncount(c: AbuseCounting): Promise<void> {
    await this.takeBack(writesFor(c));
  }

  /** One more send; the scope that refused, or undefined when counted. */
  private async add(w: CounterWrite, hourBucket: number): Promise<AbuseScope | undefined> {
    const names = w.caps.map((cap) => cap.attribute);
    try {
      await dynamoRequest(() =>
        this.client.send(
          new UpdateCommand({
            TableName: this.table,
            Key: w.key,
            UpdateExpression: `ADD ${names.map((n) => `${n} :one`).join(', ')} SET #ttl = :ttl`,
            ConditionExpression: w.caps
              .map((cap, i) => `(${belowOrAbsent(cap.attribute, `:max${i}`)})`)
              .join(' AND '),
            ExpressionAttributeNames: { ...w.attributes, '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: {
              ':one': 1,
              ':ttl': toTtl((hourBucket + 1) * 3_600_000),
              ...Object.fromEntries(w.caps.map((cap, i) => [`:max${i}`, cap.max])),
            },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        ),
      );
      return undefined;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const old = error.Item ? (unmarshall(error.Item) as Item) : {};
      const full = w.caps.find((cap) => {
        const value = old[w.attributes[cap.attribute] as string];
        return typeof value === 'number' && value >= cap.max;
      });
      return (full ?? w.caps[0])?.scope ?? 'service';
    }
  }

  private async takeBack(writes: readonly CounterWrite[]): Promise<void> {
    await Promise.all(
      writes.map((w) =>
        dynamoRequest(() =>
          this.client.send(
            new UpdateCommand({
              TableName: this.table,
              Key: w.key,
              UpdateExpression: `ADD ${w.caps.map((cap) => `${cap.attribute} :minusOne`).join(', ')}`,
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeNames: w.attributes,
              ExpressionAttributeValues: { ':minusOne': -1 },
            }),
          ),
        ).catch((error: unknown) => {
          // Nothing to take back from an item that is gone; an over-count is safe.
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }),
      ),
    );
  }
}
