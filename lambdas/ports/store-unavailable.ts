/**
 * What every persistence port throws when the database cannot answer: the request
 * answers 503 and, since each port method is one atomic write, nothing is half-written.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
