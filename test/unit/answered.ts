/** The problem a thrown domain error is answered with (its status from the HTTP layer), for assertions. */
import { DomainError } from '../../lambdas/domain/errors';
import { problemOf } from '../../lambdas/http/problem-response';

export function answered(error: unknown): unknown {
  if (error instanceof DomainError) return problemOf(error);
  throw error;
}
