/** DynamoDB clients: the document client the store uses, configured once. */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export function documentClient(
  config: DynamoDBClientConfig = {},
  /** Instruments the low-level client (X-Ray tracing in AWS). */
  wrap: (client: DynamoDBClient) => DynamoDBClient = (c) => c,
): DynamoDBDocumentClient {
  // Three attempts with the SDK's backoff, then the store answers 503.
  const client = wrap(new DynamoDBClient({ maxAttempts: 3, ...config }));
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
