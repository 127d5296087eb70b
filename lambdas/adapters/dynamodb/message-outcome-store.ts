/**
 * The message-outcomes port: a message's status on its challenge entry in the user's
 * state item (`d[<index>]`), set by a refusal at hand-off or a provider's report.
 */
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  DeliveryFailure,
  DeliveryOutcomeRecord,
  MessageOutcomeStore,
} from '../../ports/message-outcomes';
import { EventWriter } from './event-writes';
import { STATE_ATTR, pk, sk } from './keys';
import { dynamoRequest, updateOrFalse } from './request';
import type { TransactItem } from './send-counters';
import { idempotencyItem } from './send-reservation';
import type { DynamoDbStoreOptions } from './store-options';
import { CHALLENGE_PRESENT, messageStatusCondition } from './conditions';

export class DynamoDbMessageOutcomes implements MessageOutcomeStore {
  private readonly table: string;
  private readonly events: EventWriter;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    options: DynamoDbStoreOptions,
  ) {
    this.table = options.tableName;
    this.events = new EventWriter(client, this.table, options.eventRetentionDays ?? 400);
  }

  async recordDeliveryFailure(input: DeliveryFailure): Promise<void> {
    const ch = STATE_ATTR.challenge(input.challengeId);
    const path = `#ch.d[${input.deliveryIndex}]`;
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.table,
          Key: { pk: pk.user(input.userId), sk: sk.state },
          UpdateExpression: `SET ${path}.t = :failed, ${path}.u = :now`,
          ConditionExpression: CHALLENGE_PRESENT,
          ExpressionAttributeNames: { '#ch': ch },
          ExpressionAttributeValues: { ':failed': 'failed', ':now': input.now },
        },
      },
      ...input.events.map((e) => ({ Put: { TableName: this.table, Item: this.events.item(e) } })),
    ];
    if (input.idempotency) {
      items.push({ Put: { TableName: this.table, Item: idempotencyItem(input.userId, input.idempotency) } });
    }
    await dynamoRequest(() => this.client.send(new TransactWriteCommand({ TransactItems: items })));
  }

  async recordDeliveryStatus(input: DeliveryOutcomeRecord): Promise<boolean> {
    const path = `#ch.d[${input.deliveryIndex}]`;
    // Events arrive out of order: a final outcome is never replaced by "sent".
    return updateOrFalse(this.client, {
      TableName: this.table,
      Key: { pk: pk.user(input.userId), sk: sk.state },
      UpdateExpression: `SET ${path}.t = :status, ${path}.u = :at`,
      ConditionExpression: messageStatusCondition(path, input.status),
      ExpressionAttributeNames: { '#ch': STATE_ATTR.challenge(input.challengeId) },
      ExpressionAttributeValues: {
        ':status': input.status,
        ':at': input.at,
        ...(input.status === 'sent' ? { ':delivered': 'delivered', ':failed': 'failed' } : {}),
      },
    });
  }
}
