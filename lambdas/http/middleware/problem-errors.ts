/**
 * middy middleware: every error becomes problem JSON (lambdas/http/problem-response.ts).
 * Registered last, so its onError runs first. Unexpected errors are logged by name
 * and message of their cause chain only: never the request body, where codes are.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { Log } from '../../ports/log';
import { responseForError } from '../problem-response';

export function problemErrors(log: Log): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    onError: (request) => {
      const { response, unexpected } = responseForError(request.error);
      if (unexpected) {
        log.error('request failed', {
          resource: request.event.resource,
          method: request.event.httpMethod,
          status: response.statusCode,
          error: describeError(request.error),
        });
      }
      request.response = response;
    },
  };
}

/** Error names and messages down the cause chain; SDK messages carry no request data. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    parts.push(`${current.name}: ${current.message}`);
    current = current.cause;
  }
  return parts.join(' <- ') || String(error);
}
