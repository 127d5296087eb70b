/** Lambda entry: SES delivery events from the configuration set's SNS topic. */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AppDeps } from '../app/deps';
import { advanceLadderAfterFailure } from '../app/fallback-step';
import { awsDeps, awsStore } from '../composition';
import { makeDeliveryEventsHandler } from '../handlers/delivery-events';
import { log, logger } from '../observability/powertools';

// The full dependencies only when a failed message may move a fallback ladder on (it sends the next step).
let app: AppDeps | undefined;

export const handler = makeDeliveryEventsHandler(
  {
    store: awsStore().store,
    log,
    now: () => Date.now(),
    onFailed: (failed) => advanceLadderAfterFailure((app ??= awsDeps()), failed),
  },
  [injectLambdaContext(logger)],
);
