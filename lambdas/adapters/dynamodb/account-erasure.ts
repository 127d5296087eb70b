/**
 * The erasure port: deletes every partition of a user and the deliveries their
 * pointers name. Deliveries go first, so that erasure stopped half-way and retried
 * still finds them.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountErasure } from '../../ports/account-erasure';
import type { Item } from './item-mapping';
import { deliveryKey, pk } from './keys';
import { batchDeleteAll, dynamoRequest, queryPartition } from './request';
import type { DynamoDbStoreOptions } from './store-options';
import { OWNED_BY_USER } from './conditions';

export class DynamoDbAccountErasure implements AccountErasure {
  private readonly table: string;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    options: DynamoDbStoreOptions,
  ) {
    this.table = options.tableName;
  }

  async eraseUser(userId: string): Promise<void> {
    // Deliveries first, through their pointers: should erasure stop half-way, a retry
    // still finds them.
    const pointers = await queryPartition(this.client, this.table, pk.deliveries(userId));
    for (let i = 0; i < pointers.length; i += 25) {
      await Promise.all(pointers.slice(i, i + 25).map((p) => this.deleteDelivery(userId, p)));
    }
    for (const partition of [pk.user(userId), pk.devices(userId), pk.events(userId), pk.deliveries(userId)]) {
      await batchDeleteAll(this.client, this.table, await queryPartition(this.client, this.table, partition));
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
            ConditionExpression: OWNED_BY_USER,
            ExpressionAttributeValues: { ':userId': userId },
          }),
        ),
      );
    } catch (error) {
      // Already gone, or another user's: nothing of this user's to delete.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
