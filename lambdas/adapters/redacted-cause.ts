/**
 * A provider's error reduced to what support needs: the provider, the error's name
 * (with the provider's reason code, if any) and the AWS request id. Never the
 * message: providers quote the destination in it, and it would reach the logs.
 */
export function redactedCause(provider: string, error: unknown, reason?: string): Error {
  const name = (error instanceof Error && error.name) || 'error';
  const requestId = (error as { $metadata?: { requestId?: string } } | null | undefined)?.$metadata
    ?.requestId;
  return new Error(
    `${provider} ${name}${reason === undefined ? '' : ` ${reason}`}${requestId === undefined ? '' : ` (request ${requestId})`}`,
  );
}
