/**
 * middy middleware: which API key is calling, and whether its scopes allow this
 * route. Locally it checks the `x-api-key` value (missing: 401, wrong: 403); in AWS
 * API Gateway has checked the value and this reads the key's id. A key used outside
 * its scopes answers `403 forbidden` before anything else happens.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { ForbiddenError, UnauthorizedError } from '../../domain/errors';
import type { KeyIdentity, KeyRing } from '../api-keys';
import type { KeyScope } from '../../contract/routes';

export interface ApiKeyOptions {
  /** The keys; when undefined every key has every scope (API Gateway checks values). */
  readonly keys: KeyRing | undefined;
  /** The scopes a route needs one of; undefined for a public route. */
  readonly scopesOf: (event: APIGatewayProxyEvent) => readonly KeyScope[] | undefined;
}

/** The calling key, set on the event by the middleware for the route to read. */
export const CALLER = Symbol('onetime caller key');
export type WithCaller = APIGatewayProxyEvent & { [CALLER]?: KeyIdentity };

export function apiKeyCheck(
  options: ApiKeyOptions,
): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    before: (request) => {
      const needed = options.scopesOf(request.event);
      if (needed === undefined || options.keys === undefined) return;
      let caller: KeyIdentity | undefined;
      if (options.keys.gatewayChecksValues) {
        caller = options.keys.byId(request.event.requestContext?.identity?.apiKeyId ?? '');
      } else {
        const given = request.event.headers['x-api-key'];
        if (given === undefined || given === '') throw new UnauthorizedError();
        caller = options.keys.byValue(given);
      }
      if (!caller) throw new ForbiddenError();
      if (!needed.some((scope) => caller.scopes.includes(scope)))
        throw new ForbiddenError('This API key may not call this route.');
      (request.event as WithCaller)[CALLER] = caller;
    },
  };
}
