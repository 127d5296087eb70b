/**
 * middy middleware: the `x-api-key` check of the local server. In AWS, API Gateway
 * checks keys with a usage plan and this middleware is not configured.
 * A missing key answers 401, a wrong one 403, before anything else happens.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { safeEqual } from '../../domain/codes';
import { ForbiddenError, UnauthorizedError } from '../../domain/errors';

export interface ApiKeyOptions {
  /** The accepted key; when undefined the check is off (API Gateway does it). */
  readonly apiKey: string | undefined;
  /** Routes that need no key, as `METHOD /resource`. */
  readonly isPublic: (event: APIGatewayProxyEvent) => boolean;
}

export function apiKeyCheck(
  options: ApiKeyOptions,
): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    before: (request) => {
      if (options.apiKey === undefined || options.isPublic(request.event)) return;
      const given = request.event.headers['x-api-key'];
      if (given === undefined || given === '') throw new UnauthorizedError();
      if (!safeEqual(given, options.apiKey)) throw new ForbiddenError();
    },
  };
}
