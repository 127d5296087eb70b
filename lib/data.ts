/**
 * The single DynamoDB table every record lives in (challenges, factors, counters,
 * devices, events): `pk`/`sk` strings and a `ttl` attribute in epoch seconds.
 * Conditional writes enforce the guarantees of docs/api.md ("Guarantees"), so the table needs nothing
 * more than keys; a GSI can be added through `globalSecondaryIndexes` when an
 * access pattern needs one.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../lambdas/contract/table';

/** DynamoDB actions grouped by what a function does with the table. TransactWriteItems is authorised per item. */
export const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:Query'],
  readWrite: [
    'dynamodb:GetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
    'dynamodb:ConditionCheckItem',
  ],
  /** Recording a delivery outcome: find the challenge by message id, update its delivery status. */
  deliveryOutcome: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
} as const;
export type TableAccess = keyof typeof TABLE_ACTIONS | 'none';

export interface OnetimeDataProps {
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** Refuse DeleteTable while on. @default true */
  readonly deletionProtection?: boolean;
  /** Indexes to create with the table (sparse GSIs on extra attributes). @default none */
  readonly globalSecondaryIndexes?: readonly dynamodb.GlobalSecondaryIndexProps[];
  /** Point-in-time recovery window, in days (1 to 35). @default 35 */
  readonly recoveryPeriodInDays?: number;
}

export class OnetimeData extends Construct {
  /** Attribute names the functions rely on. */
  static readonly PARTITION_KEY = TABLE_SCHEMA.partitionKey;
  static readonly SORT_KEY = TABLE_SCHEMA.sortKey;
  static readonly TTL_ATTRIBUTE = TABLE_SCHEMA.ttlAttribute;

  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: OnetimeDataProps = {}) {
    super(scope, id);
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: OnetimeData.PARTITION_KEY, type: dynamodb.AttributeType.STRING },
      sortKey: { name: OnetimeData.SORT_KEY, type: dynamodb.AttributeType.STRING },
      // Sign-in traffic is spiky and mostly idle: on-demand costs nothing at rest and needs no capacity planning.
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: OnetimeData.TTL_ATTRIBUTE,
      pointInTimeRecoverySpecification: {
        pointInTimeRecoveryEnabled: true,
        recoveryPeriodInDays: props.recoveryPeriodInDays ?? 35,
      },
      // The AWS-managed key shows every use in CloudTrail at no key cost; codes are HMACs and TOTP secrets are
      // KMS-encrypted again by the functions, so a customer-managed table key would add cost and little else.
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: props.deletionProtection ?? true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    for (const gsi of props.globalSecondaryIndexes ?? []) this.table.addGlobalSecondaryIndex(gsi);
  }
}
