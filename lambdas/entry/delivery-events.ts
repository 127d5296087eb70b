/** Lambda entry: SES delivery events from the configuration set's SNS topic. */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { awsDeliveryEventDeps } from '../wiring/aws';
import { makeDeliveryEventsHandler } from '../handlers/delivery-events';
import { log, logger } from '../observability/powertools';

export const handler = makeDeliveryEventsHandler(awsDeliveryEventDeps(log), [injectLambdaContext(logger)]);
