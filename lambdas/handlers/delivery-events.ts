/** SNS-subscribed handler: SES delivery events for emailed codes. Not an HTTP route. */
import middy, { type MiddlewareObj } from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { recordDeliveryEvents, type DeliveryEventDeps } from '../app/delivery-events';

export function makeDeliveryEventsHandler(
  deps: DeliveryEventDeps,
  middlewares: ReadonlyArray<MiddlewareObj<SNSEvent, { recorded: number }>> = [],
) {
  const handler = middy<SNSEvent, { recorded: number }>({ timeoutEarlyInMillis: 0 });
  for (const m of middlewares) handler.use(m);
  // A throw makes SNS retry the whole batch: recording is idempotent, so that is safe.
  return handler.handler(async (event) => ({
    recorded: await recordDeliveryEvents(
      deps,
      event.Records.map((r) => r.Sns.Message),
    ),
  }));
}
