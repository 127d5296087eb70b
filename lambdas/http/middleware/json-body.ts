/**
 * middy middleware: size limit and JSON parsing of the request body. Over 16 KiB
 * answers 413; a body that is not JSON answers 400 `invalid_request`. The parsed
 * value is left in `event.parsedBody` for the route's schema to check.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { InvalidRequestError, PayloadTooLargeError } from '../../domain/errors';

export const MAX_BODY_BYTES = 16 * 1024;

export type ParsedEvent = APIGatewayProxyEvent & { parsedBody?: unknown };

export function jsonBody(maxBytes = MAX_BODY_BYTES): MiddlewareObj<ParsedEvent, APIGatewayProxyResult> {
  return {
    before: (request) => {
      const event = request.event;
      const raw = event.body;
      if (raw === null || raw === undefined || raw === '') {
        event.parsedBody = undefined;
        return;
      }
      const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      if (Buffer.byteLength(text, 'utf8') > maxBytes) throw new PayloadTooLargeError(maxBytes);
      const type = event.headers['content-type'];
      if (type !== undefined && !/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
        throw new InvalidRequestError('The body must be JSON, sent as Content-Type: application/json.');
      }
      try {
        event.parsedBody = JSON.parse(text) as unknown;
      } catch {
        throw new InvalidRequestError('The body is not valid JSON.');
      }
    },
  };
}
