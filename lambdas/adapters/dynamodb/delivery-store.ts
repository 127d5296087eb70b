/**
 * The DeliveryStore port on the table: one item per delivery (`DELIVERY#<id>`),
 * kept a week past its window, and a pointer to it in the user's
 * `DELIVERIES#<user>` partition (written in the same transaction, with the same
 * TTL) by which erasure finds it. Creation, resends, confirmation and wrong codes
 * are each one conditional write; resends and creation also count against the
 * shared send caps in the same transaction.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { DELIVERY_RETENTION_MS, type DeliveryRecord } from '../../domain/delivery';
import type { AccountEvent } from '../../domain/events';
import type { DeliveryStore, SendRefusalReason } from '../../ports/delivery-store';
import { StoreUnavailableError } from '../../ports/store-unavailable';
import { type SendCounters } from '../../ports/verification-state';
import { ABSENT_OR_EXPIRED } from './conditions';
import { defined, eventToItem, isLive, type Item } from './item-mapping';
import { TTL_ATTRIBUTE, deliveryKey, pk, sk, toTtl } from './keys';
import { dynamoRequest, updateOrFalse } from './request';
import {
  countUserSend,
  destinationCounterUpdate,
  destinationRefusal,
  userRefusal,
  type TransactItem,
} from './send-counters';
import { UpdateBuilder } from './update-builder';

/** A delivery still waiting for its code, with fewer than `:max` wrong ones counted. */
const OPEN_BELOW_LIMIT = 'attribute_exists(pk) AND #status = :pending AND failures < :max';

export class DynamoDbDeliveryStore implements DeliveryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly eventRetentionDays: number,
  ) {}

  async getDelivery(deliveryId: string, now: number): Promise<DeliveryRecord | undefined> {
    const out = await dynamoRequest(() =>
      this.client.send(
        new GetCommand({ TableName: this.table, Key: deliveryKey(deliveryId), ConsistentRead: true }),
      ),
    );
    const item = out.Item as Item | undefined;
    if (!item || !isLive(item, now)) return undefined;
    const { pk: _pk, sk: _sk, kind: _kind, [TTL_ATTRIBUTE]: _ttl, ...record } = item;
    return record as unknown as DeliveryRecord;
  }

  async createDelivery(input: {
    record: DeliveryRecord;
    counters: SendCounters;
    events: readonly AccountEvent[];
  }): Promise<{ ok: true } | { ok: false; reason: 'exists' | SendRefusalReason }> {
    const r = input.record;
    const ttl = toTtl(r.windowEnd + DELIVERY_RETENTION_MS);
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.table,
          Item: {
            ...deliveryKey(r.deliveryId),
            kind: 'delivery',
            ...defined(r),
            [TTL_ATTRIBUTE]: ttl,
          },
          // A delivery id is created once; a leftover past its TTL may be reused.
          ConditionExpression: ABSENT_OR_EXPIRED,
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':nowSeconds': Math.floor(r.createdAt / 1000) },
        },
      },
      ...this.counterItems(r.userId, input.counters),
      ...input.events.map((e) => ({
        Put: { TableName: this.table, Item: eventToItem(e, this.eventRetentionDays) },
      })),
      // Last, so the indexes of the conditions above (read back on failure) stay as they are.
      {
        Put: {
          TableName: this.table,
          Item: {
            pk: pk.deliveries(r.userId),
            sk: sk.deliveryPointer(r.deliveryId),
            kind: 'delivery_pointer',
            deliveryId: r.deliveryId,
            [TTL_ATTRIBUTE]: ttl,
          },
        },
      },
    ];
    const failed = await this.transact(items);
    if (failed === undefined) return { ok: true };
    if (failed.index === 0) return { ok: false, reason: 'exists' };
    return { ok: false, reason: this.counterRefusal(failed.index - 1, failed.item, input.counters) };
  }

  async recordResend(input: {
    deliveryId: string;
    userId: string;
    now: number;
    cooldownCutoff: number;
    maxAttempts: number;
    counters: SendCounters;
  }): Promise<{ ok: true } | { ok: false; reason: 'not_pending' | 'locked' | SendRefusalReason }> {
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.table,
          Key: deliveryKey(input.deliveryId),
          UpdateExpression: 'SET lastSentAt = :now',
          // One resend per cooldown, and only of a code still waiting to be confirmed:
          // a delivery locked by wrong codes (even one locked a moment ago) sends nothing.
          ConditionExpression: `${OPEN_BELOW_LIMIT} AND lastSentAt <= :cutoff`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':now': input.now,
            ':pending': 'pending',
            ':max': input.maxAttempts,
            ':cutoff': input.cooldownCutoff,
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      ...this.counterItems(input.userId, input.counters),
    ];
    try {
      await dynamoRequest(() => this.client.send(new TransactWriteCommand({ TransactItems: items })));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const first = reasons[0];
      if (first?.Code === 'ConditionalCheckFailed') {
        const status = first.Item?.status?.S;
        if (status !== 'pending') return { ok: false, reason: 'not_pending' };
        const failures = Number(first.Item?.failures?.N ?? 0);
        return { ok: false, reason: failures >= input.maxAttempts ? 'locked' : 'cooldown' };
      }
      const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (index < 1) return { ok: false, reason: 'cooldown' };
      const item = reasons[index]?.Item;
      return {
        ok: false,
        reason: this.counterRefusal(index - 1, item ? (unmarshall(item) as Item) : undefined, input.counters),
      };
    }
  }

  async confirm(deliveryId: string, now: number, maxAttempts: number): Promise<boolean> {
    return updateOrFalse(this.client, {
      TableName: this.table,
      Key: deliveryKey(deliveryId),
      UpdateExpression: 'SET #status = :delivered, confirmedAt = :now',
      // Confirmed at most once, and never after the limit of wrong codes.
      ConditionExpression: OPEN_BELOW_LIMIT,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':delivered': 'delivered',
        ':pending': 'pending',
        ':now': now,
        ':max': maxAttempts,
      },
    });
  }

  async countFailure(deliveryId: string, maxAttempts: number): Promise<number | undefined> {
    try {
      const out = await dynamoRequest(() =>
        this.client.send(
          new UpdateCommand({
            TableName: this.table,
            Key: deliveryKey(deliveryId),
            UpdateExpression: 'ADD failures :one',
            // However many wrong codes arrive at once, at most the limit are counted.
            ConditionExpression: OPEN_BELOW_LIMIT,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':one': 1, ':pending': 'pending', ':max': maxAttempts },
            ReturnValues: 'UPDATED_NEW',
          }),
        ),
      );
      return (out.Attributes as { failures?: number } | undefined)?.failures;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  /** The shared send caps: the user's own counts on its state item, and the destination's day item. */
  private counterItems(userId: string, counters: SendCounters): TransactItem[] {
    const b = new UpdateBuilder();
    countUserSend(b, counters);
    return [
      {
        Update: {
          TableName: this.table,
          Key: { pk: pk.user(userId), sk: sk.state },
          ...b.build(),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      { Update: destinationCounterUpdate(this.table, counters) },
    ];
  }

  /** Which cap refused: `which` is 0 for the user's state item, 1 for the destination's. */
  private counterRefusal(which: number, item: Item | undefined, counters: SendCounters): SendRefusalReason {
    if (which === 0) return userRefusal(item, counters) ?? 'user_hour';
    return destinationRefusal(item, counters);
  }

  /**
   * Runs the transaction; returns the first failed condition (its index and the item
   * as it was), or undefined on success. A conflict with a concurrent transaction is retried.
   */
  private async transact(items: TransactItem[]): Promise<{ index: number; item?: Item } | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await dynamoRequest(() => this.client.send(new TransactWriteCommand({ TransactItems: items })));
        return undefined;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
        const raw = reasons[index]?.Item;
        if (index >= 0) return { index, ...(raw ? { item: unmarshall(raw) as Item } : {}) };
      }
    }
    throw new StoreUnavailableError('DynamoDB transaction kept conflicting');
  }
}
