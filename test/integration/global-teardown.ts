/** Stops the DynamoDB Local that the global setup started. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__ONETIME_DYNAMODB__?.stop();
}
