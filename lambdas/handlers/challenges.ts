/** Challenge routes: send a code (with a fallback ladder or not), move a ladder on, read a challenge's status. */
import { getChallenge, startChallenge } from '../app/challenges';
import type { AppDeps } from '../app/deps';
import { nextFallbackStep, startFallbackChallenge } from '../app/fallback-ladder';
import { reportUnrequested } from '../app/reports';
import { bodyless, httpHandler, route, type HttpHandlerOptions } from '../http/http-handler';
import { idempotencyOf } from '../http/idempotency-key';
import { optionalContextBody, startChallengeBody } from '../http/schemas';

export function makeChallengesHandler(deps: AppDeps, options: HttpHandlerOptions) {
  return httpHandler(
    {
      'POST /v1/users/{userId}/challenges': route(startChallengeBody, (req) =>
        (req.body.fallback !== undefined && req.body.fallback !== false
          ? (input: Parameters<typeof startChallenge>[1]) =>
              startFallbackChallenge(deps, { ...input, fallback: req.body.fallback as true | string[] })
          : (input: Parameters<typeof startChallenge>[1]) => startChallenge(deps, input))({
          userId: req.params.userId as string,
          purpose: req.body.purpose,
          factorId: req.body.factorId,
          channel: req.body.channel,
          locale: req.body.locale,
          context: req.context,
          idempotency: idempotencyOf(req, 'start-challenge'),
          keyName: req.keyName,
          fallback: req.body.fallback,
        }),
      ),
      'GET /v1/users/{userId}/challenges/{challengeId}': bodyless((req) =>
        getChallenge(deps, req.params.userId as string, req.params.challengeId as string),
      ),
      'POST /v1/users/{userId}/challenges/{challengeId}/next': route(optionalContextBody, (req) =>
        nextFallbackStep(deps, req.params.userId as string, req.params.challengeId as string, req.context),
      ),
      'POST /v1/users/{userId}/challenges/{challengeId}/report': route(optionalContextBody, (req) =>
        reportUnrequested(deps, req.params.userId as string, req.params.challengeId as string, req.context),
      ),
    },
    options,
  );
}
