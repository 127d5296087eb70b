/** Reads the optional `Idempotency-Key` header of a send request. */
import { InvalidRequestError } from '../domain/errors';
import { requestHash, type IdempotencyRequest } from '../app/idempotency';
import type { RouteRequest } from './http-handler';

const KEY = /^[\x21-\x7e]{1,255}$/;

export function idempotencyOf(
  request: RouteRequest<unknown>,
  routeId: string,
): IdempotencyRequest | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw new InvalidRequestError('The Idempotency-Key header must be 1 to 255 visible ASCII characters.', [
      { path: '/headers/idempotency-key', message: 'must be 1 to 255 visible ASCII characters' },
    ]);
  }
  return {
    key,
    requestHash: requestHash([routeId, JSON.stringify(request.params), JSON.stringify(request.body)]),
  };
}
