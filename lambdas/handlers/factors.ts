/** Factor routes: add, activate, list, remove. */
import type { AppDeps } from '../app/deps';
import { activateFactor, addFactor, listFactors, removeFactor } from '../app/factors';
import { bodyless, httpHandler, route, type HttpHandlerOptions } from '../http/http-handler';
import { idempotencyOf } from '../http/idempotency-key';
import { activateBody, addFactorBody, optionalContextBody } from '../http/schemas';

export function makeFactorsHandler(deps: AppDeps, options: HttpHandlerOptions) {
  return httpHandler(
    {
      'POST /v1/users/{userId}/factors': route(addFactorBody, (req) =>
        addFactor(deps, {
          userId: req.params.userId as string,
          type: req.body.type,
          destination: req.body.destination,
          label: req.body.label,
          locale: req.body.locale,
          context: req.context,
          idempotency: idempotencyOf(req, 'add-factor'),
          keyName: req.keyName,
        }),
      ),
      'GET /v1/users/{userId}/factors': bodyless((req) => listFactors(deps, req.params.userId as string)),
      'POST /v1/users/{userId}/factors/{factorId}/activate': route(activateBody, (req) =>
        activateFactor(deps, {
          userId: req.params.userId as string,
          factorId: req.params.factorId as string,
          code: req.body.code,
          context: req.context,
        }),
      ),
      'DELETE /v1/users/{userId}/factors/{factorId}': route(optionalContextBody, (req) =>
        removeFactor(deps, {
          userId: req.params.userId as string,
          factorId: req.params.factorId as string,
          context: req.context,
        }),
      ),
    },
    options,
  );
}
