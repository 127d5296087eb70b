/**
 * Turns errors into API Gateway responses with RFC 9457 problem JSON. The one place
 * that decides what a failure looks like on the wire; internals never leak.
 */
import type { APIGatewayProxyResult } from 'aws-lambda';
import { DomainError, UnavailableError } from '../domain/errors';
import { problemOf } from '../domain/problem';
import { StoreUnavailableError } from '../ports/store';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemResponse(error: DomainError): APIGatewayProxyResult {
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE };
  if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds);
  return { statusCode: error.status, headers, body: JSON.stringify(problemOf(error)) };
}

export function internalErrorResponse(): APIGatewayProxyResult {
  return {
    statusCode: 500,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE },
    body: JSON.stringify({
      type: 'urn:onetime:problem:internal_error',
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
