/**
 * The single table's schema as the functions rely on it: key attributes and the TTL
 * attribute. The CDK stack builds the table from this and the local server creates
 * it from this, so the two cannot drift apart.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes an item some time after it passes. */
  ttlAttribute: 'ttl',
} as const;

/** The table name when TABLE_NAME is unset (local server). */
export const DEFAULT_TABLE_NAME = 'onetime';
