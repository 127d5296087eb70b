/**
 * The AccountStore port on the same table: remembered devices (partition
 * `DEVICES#<user>`), the event history (`EVENTS#<user>`, newest first by ULID),
 * notification windows (`NOTICE#<kind>` in the user's partition) and erasure of
 * everything a user has, their deliveries included. Expired items are treated as absent on every read.
 */
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { AccountEvent } from '../../domain/events';
import type { DeviceRecord } from '../../domain/records';
import type { AccountStore, EventPage } from '../../ports/account-store';
import { StoreUnavailableError } from '../../ports/store';
import { deliveryKey } from './dynamodb-delivery-store';
import { deviceFromItem, eventFromItem, eventToItem, isLive, type Item } from './item-mapping';
import { dynamoRequest, queryPartition, transactOrFalse, updateOrFalse } from './request';
import { TTL_ATTRIBUTE, pk, sk, toTtl } from './keys';

export class DynamoDbAccountStore implements AccountStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly eventRetentionDays: number,
  ) {}

  async getDevice(userId: string, deviceId: string, now: number): Promise<DeviceRecord | undefined> {
    const out = await dynamoRequest(() =>
      this.client.send(
        new GetCommand({
          TableName: this.table,
          Key: { pk: pk.devices(userId), sk: sk.device(deviceId) },
          ConsistentRead: true,
        }),
      ),
    );
    const item = out.Item as Item | undefined;
    return item && isLive(item, now) ? deviceFromItem(item) : undefined;
  }

  async listDevices(userId: string, now: number): Promise<readonly DeviceRecord[]> {
    const items = await this.queryAll(pk.devices(userId));
    return items
      .filter((i) => isLive(i, now))
      .map(deviceFromItem)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  async touchDevice(userId: string, deviceId: string, now: number): Promise<void> {
    // False when the device was revoked in between: nothing to stamp.
    await updateOrFalse(this.client, {
      TableName: this.table,
      Key: { pk: pk.devices(userId), sk: sk.device(deviceId) },
      UpdateExpression: 'SET lastUsedAt = :now',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':now': now },
    });
  }

  async revokeDevice(userId: string, deviceId: string, events: readonly AccountEvent[]): Promise<boolean> {
    return transactOrFalse(this.client, [
      {
        Delete: {
          TableName: this.table,
          Key: { pk: pk.devices(userId), sk: sk.device(deviceId) },
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      ...events.map((e) => ({
        Put: { TableName: this.table, Item: eventToItem(e, this.eventRetentionDays) },
      })),
    ]);
  }

  async revokeAllDevices(userId: string, now: number, events: readonly AccountEvent[]): Promise<number> {
    const devices = (await this.queryAll(pk.devices(userId))).filter((i) => isLive(i, now));
    await this.batchDelete(devices);
    if (devices.length > 0) await this.recordEvents(events);
    return devices.length;
  }

  async listEvents(
    userId: string,
    page: { limit: number; cursor?: string },
    now: number,
  ): Promise<EventPage> {
    // One more live event than asked tells whether another page exists. Expired events
    // (kept until DynamoDB's late deletion) are skipped, wherever they sit in the order.
    const live: AccountEvent[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await dynamoRequest(() =>
        this.client.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: page.cursor ? 'pk = :pk AND sk < :cursor' : 'pk = :pk',
            ExpressionAttributeValues: {
              ':pk': pk.events(userId),
              ...(page.cursor ? { ':cursor': sk.event(page.cursor) } : {}),
            },
            ScanIndexForward: false,
            // The owner looks right after acting: the newest events must be there.
            ConsistentRead: true,
            Limit: page.limit + 1 - live.length,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      live.push(
        ...((out.Items as Item[] | undefined) ?? []).filter((i) => isLive(i, now)).map(eventFromItem),
      );
      startKey = out.LastEvaluatedKey;
    } while (startKey && live.length <= page.limit);
    const events = live.slice(0, page.limit);
    const last = events[events.length - 1];
    return { events, ...(live.length > page.limit && last ? { nextCursor: last.eventId } : {}) };
  }

  async recordEvents(events: readonly AccountEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.batchWrite(
      events.map((e) => ({ PutRequest: { Item: eventToItem(e, this.eventRetentionDays) } })),
    );
  }

  async claimNotice(userId: string, kind: string, now: number, windowMs: number): Promise<boolean> {
    return updateOrFalse(this.client, {
      TableName: this.table,
      Key: { pk: pk.user(userId), sk: sk.notice(kind) },
      UpdateExpression: 'SET sentAt = :now, #ttl = :ttl',
      // One notice of a kind per window, however many events arrive at once.
      ConditionExpression: 'attribute_not_exists(sentAt) OR sentAt <= :windowStart',
      ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
      ExpressionAttributeValues: {
        ':now': now,
        ':windowStart': now - windowMs,
        ':ttl': toTtl(now + windowMs),
      },
    });
  }

  async eraseUser(userId: string): Promise<void> {
    // Deliveries first, through their pointers: should erasure stop half-way, a retry
    // still finds them.
    const pointers = await this.queryAll(pk.deliveries(userId));
    for (let i = 0; i < pointers.length; i += 25) {
      await Promise.all(pointers.slice(i, i + 25).map((p) => this.deleteDelivery(userId, p)));
    }
    for (const partition of [pk.user(userId), pk.devices(userId), pk.events(userId), pk.deliveries(userId)]) {
      await this.batchDelete(await this.queryAll(partition));
    }
  }

  /**
   * Deletes the delivery a pointer names, only while it is this user's: a delivery id
   * may be taken again once its record has expired, and the new one is someone else's.
   */
  private async deleteDelivery(userId: string, pointer: Item): Promise<void> {
    try {
      await dynamoRequest(() =>
        this.client.send(
          new DeleteCommand({
            TableName: this.table,
            Key: deliveryKey(String(pointer.deliveryId)),
            ConditionExpression: 'userId = :userId',
            ExpressionAttributeValues: { ':userId': userId },
          }),
        ),
      );
    } catch (error) {
      // Already gone, or another user's: nothing of this user's to delete.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  private queryAll(partition: string): Promise<Item[]> {
    return queryPartition(this.client, this.table, partition);
  }

  private async batchDelete(items: readonly Item[]): Promise<void> {
    await this.batchWrite(items.map((i) => ({ DeleteRequest: { Key: { pk: i.pk, sk: i.sk } } })));
  }

  private async batchWrite(
    requests: ReadonlyArray<{ PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }>,
  ): Promise<void> {
    for (let i = 0; i < requests.length; i += 25) {
      let pending = requests.slice(i, i + 25);
      // Unprocessed items are retried with backoff: BatchWriteItem may accept part of a batch.
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= 5) throw new StoreUnavailableError('DynamoDB left items unprocessed');
        const out = await dynamoRequest(() =>
          this.client.send(new BatchWriteCommand({ RequestItems: { [this.table]: [...pending] } })),
        );
        pending = (out.UnprocessedItems?.[this.table] as typeof pending | undefined) ?? [];
        if (pending.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
  }
}
