/**
 * The notices port: one window item per notice kind (`NOTICE#<kind>` in the user's
 * partition) and the destination counters every notice counts against.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { NoticeStore } from '../../ports/notice-store';
import type { SendCounters } from '../../ports/verification-state';
import { TTL_ATTRIBUTE, pk, sk, toTtl } from './keys';
import { updateOrFalse } from './request';
import { destinationCounterUpdate } from './send-counters';
import type { DynamoDbStoreOptions } from './store-options';
import { NOTICE_WINDOW_OPEN } from './conditions';

export class DynamoDbNoticeStore implements NoticeStore {
  private readonly table: string;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    options: DynamoDbStoreOptions,
  ) {
    this.table = options.tableName;
  }

  async claimNotice(userId: string, kind: string, now: number, windowMs: number): Promise<boolean> {
    return updateOrFalse(this.client, {
      TableName: this.table,
      Key: { pk: pk.user(userId), sk: sk.notice(kind) },
      UpdateExpression: 'SET sentAt = :now, #ttl = :ttl',
      // One notice of a kind per window, however many events arrive at once.
      ConditionExpression: NOTICE_WINDOW_OPEN,
      ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
      ExpressionAttributeValues: {
        ':now': now,
        ':windowStart': now - windowMs,
        ':ttl': toTtl(now + windowMs),
      },
    });
  }

  async countDestinationSend(counters: SendCounters): Promise<boolean> {
    return updateOrFalse(this.client, destinationCounterUpdate(this.table, counters));
  }
}
