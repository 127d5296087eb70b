/**
 * Runs one DynamoDB request. Failed conditions pass through for the caller to
 * read; failures of the database itself (throttling after the SDK's retries,
 * network, a missing table) become StoreUnavailableError, answered 503.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { StoreUnavailableError } from '../../ports/store';

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
