/**
 * Starts one DynamoDB Local for the whole integration run (or uses
 * DYNAMODB_ENDPOINT when set) and hands its endpoint to the test files.
 */
import { startDynamoDbLocal, type RunningDynamoDb } from '../../local/dynamodb-local';

declare global {
  var __ONETIME_DYNAMODB__: RunningDynamoDb | undefined;
}

export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  if (process.env.DYNAMODB_ENDPOINT) {
    process.env.ONETIME_TEST_DYNAMODB_ENDPOINT = process.env.DYNAMODB_ENDPOINT;
    return;
  }
  const running = await startDynamoDbLocal();
  globalThis.__ONETIME_DYNAMODB__ = running;
  process.env.ONETIME_TEST_DYNAMODB_ENDPOINT = running.endpoint;
}
