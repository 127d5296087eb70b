/**
 * The activity port: the event history in a partition of its own (`EVENTS#<user>`),
 * newest first by ULID, each event expiring after the retention.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountEvent } from '../../domain/events';
import type { ActivityStore, EventPage } from '../../ports/activity-store';
import { eventFromItem, eventToItem, isLive, type Item } from './item-mapping';
import { pk, sk } from './keys';
import { batchWriteAll, dynamoRequest } from './request';
import type { DynamoDbStoreOptions } from './store-options';

export class DynamoDbActivityStore implements ActivityStore {
  private readonly table: string;
  private readonly eventRetentionDays: number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    options: DynamoDbStoreOptions,
  ) {
    this.table = options.tableName;
    this.eventRetentionDays = options.eventRetentionDays ?? 400;
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
    await batchWriteAll(
      this.client,
      this.table,
      events.map((e) => ({ PutRequest: { Item: eventToItem(e, this.eventRetentionDays) } })),
    );
  }
}
