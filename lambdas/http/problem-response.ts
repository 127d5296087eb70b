/**
 * Turns errors into API Gateway responses with RFC 9457 problem JSON. The one place
 * that decides what a failure looks like on the wire; internals never leak.
 */
import type { APIGatewayProxyResult } from 'aws-lambda';
import { DomainError } from '../domain/errors';
import { UnavailableError } from '../domain/refusal-errors';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDocument } from '../contract/problem';
import { statusOf } from './problem-status';
import { StoreUnavailableError } from '../ports/store-unavailable';

export { PROBLEM_CONTENT_TYPE };

/** The problem document of a domain error, as answered (and as stored for idempotent replays). */
export function problemOf(error: DomainError): ProblemDocument {
  return {
    type: problemType(error.code),
    status: statusOf(error),
    code: error.code,
    title: error.title,
    detail: error.message,
    ...error.extras(),
  };
}

export function problemResponse(error: DomainError): APIGatewayProxyResult {
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE };
  if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds);
  return { statusCode: statusOf(error), headers, body: JSON.stringify(problemOf(error)) };
}

export function internalErrorResponse(): APIGatewayProxyResult {
  return {
    statusCode: 500,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE },
    body: JSON.stringify({
      type: problemType('internal_error'),
      status: 500,
      code: 'internal_error',
      title: 'Internal error',
      detail: 'Something went wrong on our side; nothing was changed that you need to undo.',
    }),
  };
}

/** Maps any thrown value to the answer; reports whether it was unexpected (to be logged as an error). */
export function responseForError(error: unknown): { response: APIGatewayProxyResult; unexpected: boolean } {
  if (error instanceof DomainError) return { response: problemResponse(error), unexpected: false };
  if (error instanceof StoreUnavailableError) {
    return { response: problemResponse(new UnavailableError({ cause: error })), unexpected: true };
  }
  return { response: internalErrorResponse(), unexpected: true };
}
