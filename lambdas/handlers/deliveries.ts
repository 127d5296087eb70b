/** Delivery routes: create (and send), resend, confirm at the door, read. */
import { confirmDelivery, createDelivery, getDelivery, resendDelivery } from '../app/deliveries';
import type { AppDeps } from '../app/deps';
import { bodyless, httpHandler, route, type HttpHandlerOptions } from '../http/http-handler';
import { confirmDeliveryBody, createDeliveryBody, optionalContextBody } from '../http/schemas';

export function makeDeliveriesHandler(deps: AppDeps, options: HttpHandlerOptions) {
  return httpHandler(
    {
      'POST /v1/deliveries': route(createDeliveryBody, (req) =>
        createDelivery(deps, req.body, {
          ...(req.context ? { context: req.context } : {}),
          keyName: req.keyName,
        }),
      ),
      'GET /v1/deliveries/{deliveryId}': bodyless((req) =>
        getDelivery(deps, req.params.deliveryId as string),
      ),
      'POST /v1/deliveries/{deliveryId}/resend': route(optionalContextBody, (req) =>
        resendDelivery(deps, req.params.deliveryId as string, req.context, req.keyName),
      ),
      'POST /v1/deliveries/{deliveryId}/confirm': route(confirmDeliveryBody, (req) =>
        confirmDelivery(deps, req.params.deliveryId as string, req.body.code),
      ),
    },
    options,
  );
}
