/** DynamoDB clients: the document client the store uses, configured once. */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DYNAMODB_CLIENT_CONFIG, lean } from '../sdk-clients';

export function documentClient(
  config: DynamoDBClientConfig = {},
  /** Instruments the low-level client (the benchmarks count its requests). */
  wrap: (client: DynamoDBClient) => DynamoDBClient = (c) => c,
): DynamoDBDocumentClient {
  // Three attempts with the SDK's backoff, then the store answers 503.
  const client = wrap(lean(new DynamoDBClient({ maxAttempts: 3, ...DYNAMODB_CLIENT_CONFIG, ...config })));
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
