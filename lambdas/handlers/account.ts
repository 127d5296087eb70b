/** Account routes: support unlock. */
import { supportUnlock } from '../app/account';
import type { AppDeps } from '../app/deps';
import { httpHandler, route, type HttpHandlerOptions } from '../http/http-handler';
import { optionalContextBody } from '../http/schemas';

export function makeAccountHandler(deps: AppDeps, options: HttpHandlerOptions) {
  return httpHandler(
    {
      'DELETE /v1/users/{userId}/lockout': route(optionalContextBody, (req) =>
        supportUnlock(deps, req.params.userId as string, req.context),
      ),
    },
    options,
  );
}
