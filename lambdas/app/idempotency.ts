/**
 * `Idempotency-Key` support for requests that send messages: a retry with the same
 * key and the same request returns the first answer without sending again; the
 * same key with a different request is refused. Answers are kept 24 hours.
 */
import { createHash } from 'node:crypto';
import { DomainError, type ErrorCode, type ProblemExtras } from '../domain/errors';
import type { IdempotentResponse } from '../domain/records';
import type { Reply } from './reply';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export interface IdempotencyRequest {
  readonly key: string;
  readonly requestHash: string;
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'idempotency_key_reused';
  readonly title = 'Idempotency key reused';
  constructor() {
    super('This Idempotency-Key was already used with a different request.');
  }
}

export function requestHash(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('base64url');
}

/** A refusal replayed: the stored problem again, given its status by the HTTP layer like any other. */
export class ReplayedProblemError extends DomainError {
  readonly code: ErrorCode;
  readonly title: string;
  private readonly extra: ProblemExtras;
  constructor(stored: StoredProblem) {
    const { code, title, detail, ...extra } = stored;
    super(detail);
    this.code = code;
    this.title = title;
    this.extra = extra;
  }
  override extras(): ProblemExtras {
    return this.extra;
  }
}

interface StoredProblem {
  readonly code: ErrorCode;
  readonly title: string;
  readonly detail: string;
  readonly [extra: string]: unknown;
}

/** What a refusal keeps under its Idempotency-Key: everything of its problem but the status. */
export function storedProblem(error: DomainError): string {
  const problem: StoredProblem = {
    code: error.code,
    title: error.title,
    detail: error.message,
    ...error.extras(),
  };
  return JSON.stringify(problem);
}

export function replayOf(stored: IdempotentResponse): Reply {
  const body = JSON.parse(stored.body) as unknown;
  // Answers stored before refusals lost their status kept it (and a problem body) here.
  if (stored.statusCode === undefined || stored.statusCode >= 400)
    throw new ReplayedProblemError(body as StoredProblem);
  return { statusCode: stored.statusCode, body };
}

/**
 * The stored answer for this key, if any; throws when the key was used for another
 * request, and throws the stored refusal again.
 */
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
