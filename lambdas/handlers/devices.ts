/** Remembered-device routes: check a token, list, revoke. */
import type { AppDeps } from '../app/deps';
import { listDevices, revokeDevice, verifyDevice } from '../app/devices';
import { bodyless, httpHandler, route, type HttpHandlerOptions } from '../http/http-handler';
import { deviceVerifyBody, optionalContextBody } from '../http/schemas';

export function makeDevicesHandler(deps: AppDeps, options: HttpHandlerOptions) {
  return httpHandler(
    {
      'POST /v1/users/{userId}/devices/verify': route(deviceVerifyBody, (req) =>
        verifyDevice(deps, req.params.userId as string, req.body.deviceToken),
      ),
      'GET /v1/users/{userId}/devices': bodyless((req) => listDevices(deps, req.params.userId as string)),
      'DELETE /v1/users/{userId}/devices/{deviceId}': route(optionalContextBody, (req) =>
        revokeDevice(deps, req.params.userId as string, req.params.deviceId as string, req.context),
      ),
    },
    options,
  );
}
