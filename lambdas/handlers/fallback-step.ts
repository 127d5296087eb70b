/**
 * The step function: invoked by an EventBridge Scheduler one-time schedule with
 * `{ userId, challengeId, stepIndex }`, it runs that fallback step (lambdas/app/fallback-step.ts),
 * which sends only while the challenge is pending and the step not yet sent. Not an
 * HTTP route. An input that is not a step reference is dropped (a retry would not
 * make it one); a failing dependency throws, so the scheduler retries.
 */
import middy, { type MiddlewareObj } from '@middy/core';
import * as z from 'zod/v4-mini';
import type { AppDeps } from '../app/deps';
import { runFallbackStep } from '../app/fallback-step';
import { MAX_LADDER_STEPS } from '../domain/fallback';
import '../contract/zod';
import { idSchema, userIdSchema } from '../http/schemas';
import type { Log } from '../ports/log';

export const stepInput = z.strictObject({
  userId: userIdSchema,
  challengeId: idSchema,
  stepIndex: z.number().check(z.int(), z.gte(0), z.lt(MAX_LADDER_STEPS)),
});

export interface StepResult {
  readonly outcome: string;
}

export function makeFallbackStepHandler(
  deps: AppDeps,
  log: Log,
  middlewares: ReadonlyArray<MiddlewareObj<unknown, StepResult>> = [],
) {
  const handler = middy<unknown, StepResult>({ timeoutEarlyInMillis: 0 });
  for (const m of middlewares) handler.use(m);
  return handler.handler(async (event) => {
    const input = stepInput.safeParse(event);
    if (!input.success) {
      log.warn('fallback step input dropped: not a step reference');
      return { outcome: 'invalid' };
    }
    const { outcome } = await runFallbackStep(deps, input.data, { onRefusal: 'skip' });
    log.info('fallback step', { outcome, stepIndex: input.data.stepIndex });
    return { outcome };
  });
}
