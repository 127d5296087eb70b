/**
 * Every persistence port on one DynamoDB table, for the wiring: one adapter per
 * aggregate, sharing the client and the table.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Stores } from '../../ports/stores';
import { DynamoDbAccountErasure } from './account-erasure';
import { DynamoDbActivityStore } from './activity-store';
import { DynamoDbDeliveryStore } from './delivery-store';
import { DynamoDbDeviceStore } from './device-store';
import { DynamoDbFactorStore } from './factor-store';
import { DynamoDbMessageOutcomes } from './message-outcome-store';
import { DynamoDbNoticeStore } from './notice-store';
import type { DynamoDbStoreOptions } from './store-options';
import { DynamoDbVerificationState } from './verification-state-store';

export function dynamoDbStores(client: DynamoDBDocumentClient, options: DynamoDbStoreOptions): Stores {
  return {
    state: new DynamoDbVerificationState(client, options),
    factors: new DynamoDbFactorStore(client, options),
    messages: new DynamoDbMessageOutcomes(client, options),
    devices: new DynamoDbDeviceStore(client, options),
    activity: new DynamoDbActivityStore(client, options),
    notices: new DynamoDbNoticeStore(client, options),
    erasure: new DynamoDbAccountErasure(client, options),
    deliveries: new DynamoDbDeliveryStore(client, options.tableName, options.eventRetentionDays ?? 400),
  };
}
