/** GET /v1/health: liveness, without touching any dependency. */
import { bodyless, httpHandler, type HttpHandlerOptions } from '../http/http-handler';

export function makeHealthHandler(options: HttpHandlerOptions) {
  return httpHandler(
    { 'GET /v1/health': bodyless(async () => ({ statusCode: 200, body: { status: 'ok' } })) },
    options,
  );
}
