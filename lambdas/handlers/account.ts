/** Account routes: activity, support unlock, erasure. */
import { eraseUser, supportUnlock } from '../app/account';
import { listEvents } from '../app/activity';
import type { AppDeps } from '../app/deps';
import { bodyless, httpHandler, route, type HttpHandlerOptions } from '../http/http-handler';
import { optionalContextBody } from '../http/schemas';

export function makeAccountHandler(deps: AppDeps, options: HttpHandlerOptions) {
  return httpHandler(
    {
      'GET /v1/users/{userId}/events': bodyless((req) =>
        listEvents(deps, req.params.userId as string, { limit: req.query.limit, cursor: req.query.cursor }),
      ),
      'DELETE /v1/users/{userId}/lockout': route(optionalContextBody, (req) =>
        supportUnlock(deps, req.params.userId as string, req.context),
      ),
      'DELETE /v1/users/{userId}': bodyless((req) => eraseUser(deps, req.params.userId as string)),
    },
    options,
  );
}
