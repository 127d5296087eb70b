/**
 * Runs one DynamoDB request. Failed conditions pass through for the caller to
 * read; failures of the database itself (throttling after the SDK's retries,
 * network, a missing table) become StoreUnavailableError, answered 503.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../../ports/store';
import type { Item } from './item-mapping';

// Our own malformed requests are bugs (500), not outages.
const PROGRAMMING_ERRORS = new Set(['ValidationException', 'SerializationException']);

export async function dynamoRequest<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || error instanceof TransactionCanceledException) {
      throw error;
    }
    if (error instanceof Error && PROGRAMMING_ERRORS.has(error.name)) throw error;
    throw new StoreUnavailableError('DynamoDB request failed', { cause: error });
  }
}

/** Every item of one partition, page by page, strongly consistent. */
export async function queryPartition(
  client: DynamoDBDocumentClient,
  table: string,
  partition: string,
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoRequest(() =>
      client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': partition },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    items.push(...((page.Items as Item[] | undefined) ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

/** A transaction whose conditions may fail: false when DynamoDB cancelled it. */
export async function transactOrFalse(
  client: DynamoDBDocumentClient,
  items: TransactItems,
): Promise<boolean> {
  try {
    await dynamoRequest(() => client.send(new TransactWriteCommand({ TransactItems: items })));
    return true;
  } catch (error) {
    if (error instanceof TransactionCanceledException) return false;
    throw error;
  }
}

/** An update whose condition may fail: false when it did. */
export async function updateOrFalse(
  client: DynamoDBDocumentClient,
  update: ConstructorParameters<typeof UpdateCommand>[0],
): Promise<boolean> {
  try {
    await dynamoRequest(() => client.send(new UpdateCommand(update)));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
