/**
 * A value loaded on first use and kept: how a Lambda cold start avoids loading
 * what its first request may not need (SDK clients, the phone number library). A
 * failed load is retried on the next call rather than remembered.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
