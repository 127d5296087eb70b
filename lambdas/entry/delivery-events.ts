/** Lambda entry: SES delivery events from the configuration set's SNS topic. */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { awsStore } from '../composition';
import { makeDeliveryEventsHandler } from '../handlers/delivery-events';
import { log, logger } from '../observability/powertools';

export const handler = makeDeliveryEventsHandler({ store: awsStore().store, log, now: () => Date.now() }, [
  injectLambdaContext(logger),
]);
