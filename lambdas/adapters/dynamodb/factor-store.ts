/**
 * The factors port: factor items (`FACTOR#<id>`) and the recovery set in the user's
 * partition, each change guarded by `factorsVersion` on the state item, so the
 * factor cap holds under concurrent enrolments.
 */
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountEvent } from '../../domain/events';
import type { FactorRecord, RecoveryCodeSet } from '../../domain/records';
import type { FactorStore } from '../../ports/factor-store';
import { ITEM_ABSENT, ITEM_PRESENT, equalsOrAbsentIfZero } from './conditions';
import { EventWriter } from './event-writes';
import { factorToItem, recoveryToItem } from './item-mapping';
import { pk, sk } from './keys';
import { dynamoRequest, transactOrFalse } from './request';
import type { TransactItem } from './send-counters';
import type { DynamoDbStoreOptions } from './store-options';

export class DynamoDbFactorStore implements FactorStore {
  private readonly table: string;
  private readonly events: EventWriter;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    options: DynamoDbStoreOptions,
  ) {
    this.table = options.tableName;
    this.events = new EventWriter(client, this.table, options.eventRetentionDays ?? 400);
  }

  async createFactor(input: {
    factor: FactorRecord;
    expectFactorsVersion: number;
    expiresAt: number;
    events: readonly AccountEvent[];
  }): Promise<{ ok: boolean }> {
    const ok = await transactOrFalse(this.client, [
      this.bumpFactorsVersion(input.factor.userId, input.expectFactorsVersion),
      {
        Put: {
          TableName: this.table,
          Item: factorToItem(input.factor, input.expiresAt),
          ConditionExpression: ITEM_ABSENT,
        },
      },
      ...input.events.map((e) => ({ Put: { TableName: this.table, Item: this.events.item(e) } })),
    ]);
    return { ok };
  }

  async deleteFactor(input: {
    userId: string;
    factorId: string;
    expectFactorsVersion: number;
    events: readonly AccountEvent[];
  }): Promise<{ ok: boolean }> {
    const ok = await transactOrFalse(this.client, [
      {
        Delete: {
          TableName: this.table,
          Key: { pk: pk.user(input.userId), sk: sk.factor(input.factorId) },
          ConditionExpression: ITEM_PRESENT,
        },
      },
      this.bumpFactorsVersion(input.userId, input.expectFactorsVersion),
      ...input.events.map((e) => ({ Put: { TableName: this.table, Item: this.events.item(e) } })),
    ]);
    return { ok };
  }

  async replaceRecoveryCodes(
    userId: string,
    set: RecoveryCodeSet,
    events: readonly AccountEvent[],
  ): Promise<void> {
    await dynamoRequest(() =>
      this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table, Item: recoveryToItem(userId, set) } },
            ...events.map((e) => ({ Put: { TableName: this.table, Item: this.events.item(e) } })),
          ],
        }),
      ),
    );
  }

  /** The factor cap's guard: the set of factors is exactly as read when the change was decided. */
  private bumpFactorsVersion(userId: string, expect: number): TransactItem {
    return {
      Update: {
        TableName: this.table,
        Key: { pk: pk.user(userId), sk: sk.state },
        UpdateExpression: 'SET factorsVersion = :next',
        ConditionExpression: equalsOrAbsentIfZero('factorsVersion', ':version', expect),
        ExpressionAttributeValues: { ':version': expect, ':next': expect + 1 },
      },
    };
  }
}
