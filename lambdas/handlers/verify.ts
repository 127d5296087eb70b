/** Verification routes: check a code; regenerate recovery codes. */
import { regenerateRecoveryCodes } from '../app/account';
import type { AppDeps } from '../app/deps';
import { verify } from '../app/verify';
import { httpHandler, route, type HttpHandlerOptions } from '../http/http-handler';
import { optionalContextBody, verifyBody } from '../http/schemas';

export function makeVerifyHandler(deps: AppDeps, options: HttpHandlerOptions) {
  return httpHandler(
    {
      'POST /v1/users/{userId}/verify': route(verifyBody, (req) =>
        verify(deps, {
          userId: req.params.userId as string,
          code: req.body.code,
          purpose: req.body.purpose,
          method: req.body.method,
          rememberDevice: req.body.rememberDevice,
          deviceName: req.body.deviceName,
          context: req.context,
        }),
      ),
      'POST /v1/users/{userId}/recovery-codes': route(optionalContextBody, (req) =>
        regenerateRecoveryCodes(deps, req.params.userId as string, req.context),
      ),
    },
    options,
  );
}
