/**
 * What the functions' AWS SDK clients leave out, in one place: per-request work
 * that does nothing here (issue 9, "half the CPU per invocation").
 *
 * - The logger middleware. The clients log nothing (the SDK's default logger is a
 *   no-op), yet on every call it still walks the whole input and output through
 *   the service schema to mask sensitive members for that no-op logger.
 * - Endpoint discovery (DynamoDB): off unless configured, but left unset the client
 *   asks the environment and the shared config files whether to turn it on. Lambda
 *   has neither, so `false` is what it resolved to anyway.
 *
 * The request and response checksum settings (`requestChecksumCalculation`,
 * `responseChecksumValidation`) exist only on clients whose operations carry
 * checksum traits (S3 and the like); none of DynamoDB, SNS, SES, KMS, Secrets Manager
 * or End User Messaging has one, so their clients add no checksum middleware to trim.
 */

/** The part of an SDK client this module touches. */
interface WithMiddlewareStack {
  readonly middlewareStack: { remove(toRemove: string): boolean };
}

/** Names of the middleware `lean` removes, as the SDK registers them. */
export const REMOVED_MIDDLEWARE = ['loggerMiddleware'] as const;

/** The client, without the middleware that does no useful work here. */
export function lean<T extends WithMiddlewareStack>(client: T): T {
  for (const name of REMOVED_MIDDLEWARE) client.middlewareStack.remove(name);
  return client;
}

/** DynamoDB client settings beside `maxAttempts`: endpoint discovery stays off without a lookup. */
export const DYNAMODB_CLIENT_CONFIG = { endpointDiscoveryEnabled: false } as const;
