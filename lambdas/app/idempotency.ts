/**
 * `Idempotency-Key` support for requests that send messages: a retry with the same
 * key and the same request returns the first answer without sending again; the
 * same key with a different request is refused. Answers are kept 24 hours.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors';
import type { IdempotentResponse } from '../domain/records';
import type { Reply } from './reply';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export interface IdempotencyRequest {
  readonly key: string;
  readonly requestHash: string;
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly status = 422;
  readonly code = 'idempotency_key_reused';
  readonly title = 'Idempotency key reused';
  constructor() {
    super('This Idempotency-Key was already used with a different request.');
  }
}

export function requestHash(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('base64url');
}

export function replayOf(stored: IdempotentResponse): Reply {
  return {
    statusCode: stored.statusCode,
    body: JSON.parse(stored.body) as unknown,
    problem: stored.statusCode >= 400,
  };
}

/** The stored answer for this key, if any; throws when the key was used for another request. */
export function findReplay(
  stored: readonly IdempotentResponse[],
  request: IdempotencyRequest | undefined,
): Reply | undefined {
  if (!request) return undefined;
  const found = stored.find((s) => s.key === request.key);
  if (!found) return undefined;
  if (found.requestHash !== request.requestHash) throw new IdempotencyKeyReusedError();
  return replayOf(found);
}
