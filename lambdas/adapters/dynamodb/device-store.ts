/**
 * The devices port: remembered devices in a partition of their own (`DEVICES#<user>`),
 * each item expiring with the device. Expired items are treated as absent on every read.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountEvent } from '../../domain/events';
import type { DeviceRecord } from '../../domain/records';
import type { DeviceStore } from '../../ports/device-store';
import { EventWriter } from './event-writes';
import { deviceFromItem, isLive, type Item } from './item-mapping';
import { pk, sk } from './keys';
import { batchDeleteAll, dynamoRequest, queryPartition, transactOrFalse, updateOrFalse } from './request';
import type { DynamoDbStoreOptions } from './store-options';
import { ITEM_PRESENT } from './conditions';

export class DynamoDbDeviceStore implements DeviceStore {
  private readonly table: string;
  private readonly events: EventWriter;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    options: DynamoDbStoreOptions,
  ) {
    this.table = options.tableName;
    this.events = new EventWriter(client, this.table, options.eventRetentionDays ?? 400);
  }

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
    const items = await queryPartition(this.client, this.table, pk.devices(userId));
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
      ConditionExpression: ITEM_PRESENT,
      ExpressionAttributeValues: { ':now': now },
    });
  }

  async revokeDevice(userId: string, deviceId: string, events: readonly AccountEvent[]): Promise<boolean> {
    return transactOrFalse(this.client, [
      {
        Delete: {
          TableName: this.table,
          Key: { pk: pk.devices(userId), sk: sk.device(deviceId) },
          ConditionExpression: ITEM_PRESENT,
        },
      },
      ...events.map((e) => ({ Put: { TableName: this.table, Item: this.events.item(e) } })),
    ]);
  }

  async revokeAllDevices(userId: string, now: number, events: readonly AccountEvent[]): Promise<number> {
    const devices = (await queryPartition(this.client, this.table, pk.devices(userId))).filter((i) =>
      isLive(i, now),
    );
    await batchDeleteAll(this.client, this.table, devices);
    if (devices.length > 0) await this.events.put(events);
    return devices.length;
  }
}
