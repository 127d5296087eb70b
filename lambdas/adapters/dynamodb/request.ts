/**
 * Runs one DynamoDB request. Failed conditions pass through for the caller to
 * read; failures of the database itself (throttling after the SDK's retries,
 * network, a missing table) become StoreUnavailableError, answered 503.
 */
import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
  type CancellationReason,
} from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { StoreUnavailableError } from '../../ports/store-unavailable';
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

/** Why each item of a cancelled transaction refused (its `Item` as it is now, where asked for). */
export interface TransactRefusal {
  /** The first item whose condition failed, by its place in the transaction; -1 if none did (a conflict). */
  readonly refusedBy: number;
  readonly reasons: ReadonlyArray<{ readonly Code?: string; readonly Item?: Item }>;
}

/**
 * The one transaction helper: undefined when it committed, else which item refused
 * and every item's reason, with the items unmarshalled.
 */
export async function transactWrite(
  client: DynamoDBDocumentClient,
  items: TransactItems,
): Promise<TransactRefusal | undefined> {
  try {
    await dynamoRequest(() => client.send(new TransactWriteCommand({ TransactItems: items })));
    return undefined;
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = (error.CancellationReasons ?? []).map((r: CancellationReason) => ({
      ...(r.Code !== undefined ? { Code: r.Code } : {}),
      ...(r.Item ? { Item: unmarshall(r.Item) as Item } : {}),
    }));
    return { refusedBy: reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed'), reasons };
  }
}

/** A transaction whose conditions may fail: false when DynamoDB cancelled it. */
export async function transactOrFalse(
  client: DynamoDBDocumentClient,
  items: TransactItems,
): Promise<boolean> {
  return (await transactWrite(client, items)) === undefined;
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

type BatchRequest = { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } };

/** Writes any number of puts and deletes, 25 a batch, retrying what DynamoDB left unprocessed. */
export async function batchWriteAll(
  client: DynamoDBDocumentClient,
  table: string,
  requests: readonly BatchRequest[],
): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending = requests.slice(i, i + 25);
    // Unprocessed items are retried with backoff: BatchWriteItem may accept part of a batch.
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= 5) throw new StoreUnavailableError('DynamoDB left items unprocessed');
      const out = await dynamoRequest(() =>
        client.send(new BatchWriteCommand({ RequestItems: { [table]: [...pending] } })),
      );
      pending = (out.UnprocessedItems?.[table] as BatchRequest[] | undefined) ?? [];
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}

/** Deletes the given items (by their keys). */
export async function batchDeleteAll(
  client: DynamoDBDocumentClient,
  table: string,
  items: readonly Item[],
): Promise<void> {
  await batchWriteAll(
    client,
    table,
    items.map((i) => ({ DeleteRequest: { Key: { pk: i.pk, sk: i.sk } } })),
  );
}
