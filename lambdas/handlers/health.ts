/**
 * GET /v1/health: liveness, without touching any dependency. GET /v1/openapi.json:
 * the OpenAPI document, generated from the schemas by `npm run openapi` and bundled
 * as data, so serving it needs neither zod's JSON Schema converter nor any work per
 * request (docs/api.md, "The OpenAPI document").
 */
import { bodyless, httpHandler, type HttpHandlerOptions } from '../http/http-handler';
import document from '../http/openapi/openapi.json';

/** Serialised once per container: the document never changes while it runs. */
let serialised: string | undefined;

export function makeHealthHandler(options: HttpHandlerOptions) {
  return httpHandler(
    {
      'GET /v1/health': bodyless(async () => ({ statusCode: 200, body: { status: 'ok' } })),
      'GET /v1/openapi.json': bodyless(async () => {
        serialised ??= JSON.stringify(document);
        return { statusCode: 200, body: serialised, contentType: 'application/json' };
      }),
    },
    options,
  );
}
