/** Lambda entry: the fallback step function, invoked by EventBridge Scheduler one-time schedules. */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { awsDeps } from '../wiring/aws';
import { makeFallbackStepHandler } from '../handlers/fallback-step';
import { log, logger } from '../observability/powertools';

export const handler = makeFallbackStepHandler(awsDeps(), log, [injectLambdaContext(logger)]);
